using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

internal sealed partial class PathVerdicts
{
    /// <summary>One NSG's rules with the indexes of those matching the addresses, or a firewall, or a filter not modelled.</summary>
    private sealed class Part
    {
        private ImmutableArray<CompiledSecurityRule> _rules;
        private int[] _matching = [];
        private int _matchingCount;

        // The ports found for the rules matched, by protocol and source port, kept by the verdicts' owner per rule array
        // and matched rules (KnownPorts): most targets match rules of the NSGs on their path that other targets of the
        // worker matched before (the sender's NSG, a hub's firewall subnet), and the first-match walk over port sets, a
        // few set operations that each allocate, was a fifth of what the rows allocated while kept only for the rules
        // matched last by this part.
        private readonly KnownPorts _knownPorts;
        private List<(SecurityProtocol Protocol, int SourcePort, PortSet Allowed)>? _known;

        public Part(KnownPorts knownPorts)
        {
            _knownPorts = knownPorts;
        }

        public AzureFirewall? Firewall { get; private set; }

        public bool IsUnknown { get; private set; }

        /// <summary>Keeps, of the rules whose sources hold the source (<paramref name="bySource"/>, in order), those whose destinations hold the destination.</summary>
        public void SetRules(ImmutableArray<CompiledSecurityRule> rules, int[] bySource, IpAddress destination)
        {
            (_rules, Firewall, IsUnknown, _matchingCount) = (rules, null, false, 0);
            if (_matching.Length < bySource.Length)
            {
                _matching = new int[bySource.Length];
            }

            foreach (var index in bySource)
            {
                if (rules[index].HoldsDestination(destination))
                {
                    _matching[_matchingCount++] = index;
                }
            }

            _known = ImmutableCollectionsMarshal.AsArray(rules) is { } array ? _knownPorts.For(array, _matching, _matchingCount) : null;
        }

        public void SetFirewall(AzureFirewall firewall)
        {
            (_rules, Firewall, IsUnknown, _matchingCount) = (default, firewall, false, 0);
            Forget();
        }

        public void SetUnknown()
        {
            (_rules, Firewall, IsUnknown, _matchingCount) = (default, null, true, 0);
            Forget();
        }

        private void Forget() => _known = null;

        /// <summary>First match over port sets: each rule decides the ports no earlier rule decided; ports no rule matches pass.</summary>
        public PortSet Ports(SecurityProtocol protocol, int sourcePort)
        {
            if (_known is not { } known)
            {
                return FirstMatchPorts(protocol, sourcePort);
            }

            foreach (var (knownProtocol, knownSourcePort, knownAllowed) in known)
            {
                if (knownProtocol == protocol && knownSourcePort == sourcePort)
                {
                    return knownAllowed;
                }
            }

            var allowed = FirstMatchPorts(protocol, sourcePort);
            known.Add((protocol, sourcePort, allowed));
            return allowed;
        }

        private PortSet FirstMatchPorts(SecurityProtocol protocol, int sourcePort)
        {
            var remaining = PortSet.All;
            var allowed = PortSet.Empty;
            for (var i = 0; i < _matchingCount; i++)
            {
                var rule = _rules[_matching[i]];
                if (!rule.Protocols.Contains(protocol) || !rule.SourcePorts.Contains(sourcePort))
                {
                    continue;
                }

                if (rule.Access == SecurityRuleAccess.Allow)
                {
                    allowed = allowed.Union(remaining.Intersect(rule.DestinationPorts));
                }

                remaining = remaining.Except(rule.DestinationPorts);
                if (remaining.IsEmpty)
                {
                    break;
                }
            }

            return allowed.Union(remaining);
        }

        /// <summary>The first rule matching a packet without ports decides; none matching lets it through.</summary>
        public bool FirstMatchAllows(SecurityProtocol protocol)
        {
            for (var i = 0; i < _matchingCount; i++)
            {
                var rule = _rules[_matching[i]];
                if (rule.Protocols.Contains(protocol) && rule.MatchesPortlessPackets)
                {
                    return rule.Access == SecurityRuleAccess.Allow;
                }
            }

            return true;
        }
    }
}
