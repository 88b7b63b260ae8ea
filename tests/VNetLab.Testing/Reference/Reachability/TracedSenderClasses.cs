using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Model;

namespace VNetLab.Testing.Reference.Reachability;

/// <summary>
/// Collapses source endpoints that every engine treats alike into one representative each, so a subnet of a thousand
/// identical VMs costs one set of traces, not a thousand: NICs of the same subnet, with the same NIC NSG, ASGs and IP
/// forwarding, whose addresses no rule tells apart (<see cref="PacketClasses.FilterAtomOf"/>). Exact, not a sample:
/// routes never look at the source address, and filters see the same atom. The oracle's own copy.
/// </summary>
public static class TracedSenderClasses
{
    public static IEnumerable<SourceEndpoint> Representatives(IEnumerable<SourceEndpoint> endpoints, PacketClasses classes, Estate estate)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Endpoint.Resource is NetworkInterface nic && nic.PrimaryIpConfiguration is { PrivateIpAddress: { IsV4: true } address } configuration
                && endpoint.Addresses.TryGetFirst(out var first) && first == address)
            {
                var key = string.Join('|',
                    endpoint.Group,
                    estate.SubnetOf(nic)?.Id.Value.ToUpperInvariant(),
                    nic.NetworkSecurityGroupId?.Value.ToUpperInvariant(),
                    nic.EnableIpForwarding ? "forwarding" : "plain",
                    string.Join(',', configuration.ApplicationSecurityGroupIds.Select(a => a.Value.ToUpperInvariant()).Order(StringComparer.Ordinal)),
                    classes.FilterAtomOf(address).ToString());
                if (!seen.Add(key))
                {
                    continue;
                }
            }

            yield return endpoint;
        }
    }
}
