using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security.Audit;

/// <summary>
/// VNL6102 / VNL6103: an inbound allow rule that decides packets from public addresses to SSH (22), RDP (3389) or
/// WinRM (5985, 5986), on TCP or UDP. The check works on the packets the rule actually decides, so every spelling of
/// "the Internet" is caught (<c>*</c>, <c>Internet</c>, <c>0.0.0.0/0</c>, <c>0.0.0.0/1</c> + <c>128.0.0.0/1</c>, a
/// UDR-widened <c>VirtualNetwork</c>) and a port opened only behind an earlier deny is not.
/// </summary>
internal static class ManagementPortExposureCheck
{
    /// <summary>SSH, RDP, WinRM over HTTP and HTTPS.</summary>
    public static PortSet ManagementPorts { get; } = PortSet.FromRanges([PortRange.Single(22), PortRange.Single(3389), new PortRange(5985, 5986)]);

    public static IEnumerable<Diagnostic> Run(NsgAuditContext context)
    {
        // Public space is the Internet tag without the platform's own address: probes from 168.63.129.16 are not exposure.
        var internet = ServiceTagSet.BuiltIn.Tags.Single(t => t.Name == ServiceTagNames.Internet).Addresses.Except(PlatformAddresses.All);
        var managementFromPublic = PacketSet.Where(ProtocolSet.WithPorts, sources: internet, destinationPorts: ManagementPorts);
        foreach (var nsg in context.Estate.NetworkSecurityGroups)
        {
            var analyses = context.Analyses(nsg, SecurityRuleDirection.Inbound);
            for (var i = 0; i < analyses[0].Rules.Length; i++)
            {
                var rule = analyses[0].Rules[i];
                if (rule.Access != SecurityRuleAccess.Allow)
                {
                    continue;
                }

                var exposure = analyses.Select(a => a.Decided[i].Intersect(managementFromPublic)).FirstOrDefault(e => !e.IsEmpty);
                if (exposure is null)
                {
                    continue;
                }

                var sources = AddressSet.Empty;
                var ports = PortSet.Empty;
                var protocols = ProtocolSet.Empty;
                foreach (var cube in exposure.Cubes)
                {
                    sources = sources.Union(cube.Sources);
                    ports = ports.Union(cube.DestinationPorts);
                    protocols = protocols.Union(cube.Protocols);
                }

                var example = context.Example(exposure, nsg, SecurityRuleDirection.Inbound);
                var portText = $"{string.Join("/", protocols.Members)} port{(ports.Count > 1 ? "s" : string.Empty)} {string.Join(", ", ports.ToRanges())}";
                yield return internet.IsSubsetOf(sources)
                    ? DiagnosticCatalog.ManagementPortOpenToInternet(rule.Rule, portText, Spelling(rule, analyses[0].NetworkSecurityGroup, internet), example.ToString())
                    : DiagnosticCatalog.ManagementPortOpenToPublicAddresses(rule.Rule, portText, Describe(sources), example.ToString());
            }
        }
    }

    /// <summary>
    /// How the rule names its source; for <c>VirtualNetwork</c>, also the public prefixes that made the tag reach the
    /// Internet: user-defined routes (a UDR 0.0.0.0/0) or gateway routes (a BGP default route or the /1 pair), which
    /// Azure puts in the tag (semantics.md §4.5).
    /// </summary>
    private static string Spelling(CompiledSecurityRule rule, CompiledNetworkSecurityGroup nsg, AddressSet publicSpace)
    {
        var text = string.Join(" + ", rule.SourceTerms.Select(t => t.Text));
        if (!rule.SourceTerms.Any(t => t.IsVirtualNetworkTag))
        {
            return text;
        }

        string? Widening(VirtualNetworkTagPrefixOrigin origin, string label)
        {
            var prefixes = nsg.VirtualNetworkTag.Prefixes
                .Where(p => p.Origin == origin && AddressSet.FromPrefix(p.Prefix).Overlaps(publicSpace))
                .Select(p => p.Prefix.ToString())
                .Distinct()
                .ToList();
            return prefixes.Count == 0 ? null : $"{string.Join(", ", prefixes)} {label}";
        }

        var parts = new[]
        {
            Widening(VirtualNetworkTagPrefixOrigin.UserDefinedRoute, "from user-defined routes"),
            Widening(VirtualNetworkTagPrefixOrigin.Gateway, "learned by the gateway"),
        }.OfType<string>().ToList();
        return parts.Count == 0 ? text : $"{text}, which for this subnet also holds {string.Join(" and ", parts)}";
    }

    private static string Describe(AddressSet sources)
    {
        var prefixes = sources.ToPrefixes();
        return prefixes.Length <= 6
            ? string.Join(", ", prefixes)
            : string.Join(", ", prefixes.Take(5)) + $" and {prefixes.Length - 5} more prefixes";
    }
}
