using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// What the filters on one path (<see cref="PathFilters.OnPath"/>) let through between one source and one destination
/// address, for every protocol and source port the matrix asks about: the destination ports of protocols with ports,
/// and the verdict for those without.
/// </summary>
/// <remarks>
/// An NSG rule's address sets do not depend on the protocol or the ports, and testing them is most of a rule's cost (a
/// spoke NSG has 200 rules): each NSG's rules whose sources hold the source and whose destinations hold the destination
/// are found once here, in order, and every protocol and source port then walks only those. The verdicts are those of
/// the first-match walks the tracer's NSG evaluation makes (semantics.md §4.1, §4.3): over port sets, a rule decides the
/// ports no earlier rule decided; without ports, the first rule matching decides, and every NSG of a NIC must allow
/// (the first deny is final). Platform addresses never get here (<see cref="PathFilters.FiltersOn(TraceEndpoint, Trace)"/>).
/// </remarks>
internal sealed partial class PathVerdicts
{
    private readonly NetworkAnalysis _analysis;

    // The parts of every filter on the path, in order; kept from one use to the next so that their buffers are reused
    // (a matrix evaluates millions of (source, destination) pairs, and allocating per pair kept the collector busy).
    private readonly List<Part> _parts = [];
    private int _count;
    private bool _refused;
    private IpAddress _source;
    private IpAddress _destination;

    // Per NSG rule array and source address, the rules whose sources hold it: a source row asks about one source atom
    // against many destinations (a site's classes, a subnet's hosts), so each NSG's source sets are tested once for it.
    // Emptied past a bound: one verdict object serves every row of a worker (the matrix keeps one per worker thread).
    private readonly Dictionary<(CompiledSecurityRule[] Rules, IpAddress Source), int[]> _bySource = new(RulesAndSourceComparer.Instance);
    private const int BySourceKept = 16384;

    private readonly KnownPorts _knownPorts = new();

    public PathVerdicts(NetworkAnalysis analysis)
    {
        _analysis = analysis;
    }

    /// <summary>Sets this up for the filters on a path between two addresses; the previous answers are gone. One thread at a time.</summary>
    public PathVerdicts For(PathFilters.OnPath filters, IpAddress source, IpAddress destination)
    {
        _refused = filters.Refused;
        _source = source;
        _destination = destination;
        _count = 0;
        foreach (var filter in filters.Filters)
        {
            switch (filter.Resource)
            {
                case NetworkInterface nic:
                    var (first, second) = _analysis.Security.For(nic).EvaluationPair(filter.Direction);
                    if (first is not null)
                    {
                        SetRules(NextPart(), first.NetworkSecurityGroup.Rules(filter.Direction));
                    }

                    if (second is not null)
                    {
                        SetRules(NextPart(), second.NetworkSecurityGroup.Rules(filter.Direction));
                    }

                    break;
                case Subnet subnet:
                    if (_analysis.Security.SubnetNetworkSecurityGroup(subnet) is { } nsg)
                    {
                        SetRules(NextPart(), nsg.Rules(filter.Direction));
                    }

                    break;
                case AzureFirewall firewall:
                    NextPart().SetFirewall(firewall);
                    break;
                default:
                    NextPart().SetUnknown();
                    break;
            }
        }

        return this;
    }

    /// <summary>The destination ports on which packets of <paramref name="protocol"/> (one with ports) from <paramref name="sourcePort"/> pass every filter.</summary>
    public PortSet AllowedDestinationPorts(SecurityProtocol protocol, int sourcePort)
    {
        if (_refused)
        {
            return PortSet.Empty;
        }

        var allowed = PortSet.All;
        for (var i = 0; i < _count && !allowed.IsEmpty; i++)
        {
            var part = _parts[i];
            var ports = part.Firewall is { } firewall
                ? FirewallRules.AllowedDestinationPorts(firewall, protocol, _source, _destination)
                : part.IsUnknown ? PortSet.Empty : part.Ports(protocol, sourcePort);

            // Most filters allow every port or nothing: intersecting with all ports would only copy the other set.
            allowed = allowed.IsAll ? ports : ports.IsAll ? allowed : allowed.Intersect(ports);
        }

        return allowed;
    }

    /// <summary>Whether packets of <paramref name="protocol"/> (one without ports) pass every filter.</summary>
    public bool Allows(SecurityProtocol protocol)
    {
        if (_refused)
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            var part = _parts[i];
            var allowed = part.Firewall is { } firewall
                ? FirewallRules.Allows(firewall, Packet.Create(protocol, _source, 0, _destination, 0))
                : !part.IsUnknown && part.FirstMatchAllows(protocol);
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private void SetRules(Part part, ImmutableArray<CompiledSecurityRule> rules)
    {
        var array = ImmutableCollectionsMarshal.AsArray(rules) ?? [];
        if (!_bySource.TryGetValue((array, _source), out var bySource))
        {
            var matching = new List<int>();
            for (var i = 0; i < array.Length; i++)
            {
                if (array[i].HoldsSource(_source))
                {
                    matching.Add(i);
                }
            }

            if (_bySource.Count >= BySourceKept)
            {
                _bySource.Clear();
            }

            _bySource.Add((array, _source), bySource = [.. matching]);
        }

        part.SetRules(rules, bySource, _destination);
    }

    private Part NextPart()
    {
        if (_count == _parts.Count)
        {
            _parts.Add(new Part(_knownPorts));
        }

        return _parts[_count++];
    }

    private sealed class RulesAndSourceComparer : IEqualityComparer<(CompiledSecurityRule[] Rules, IpAddress Source)>
    {
        public static RulesAndSourceComparer Instance { get; } = new();

        public bool Equals((CompiledSecurityRule[] Rules, IpAddress Source) x, (CompiledSecurityRule[] Rules, IpAddress Source) y) =>
            ReferenceEquals(x.Rules, y.Rules) && x.Source == y.Source;

        public int GetHashCode((CompiledSecurityRule[] Rules, IpAddress Source) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Rules), key.Source);
    }
}
