using VNetLab.Addressing;
using VNetLab.Analysis.Policies;
using VNetLab.Model;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Collapses source endpoints that every engine treats alike into one representative each, so a subnet of a thousand
/// identical VMs costs one set of traces, not a thousand: NICs of the same subnet, with the same NIC NSG, ASGs and IP
/// forwarding, whose addresses no rule tells apart (<see cref="PacketClasses.FilterAtomOf"/>). Exact, not a sample:
/// routes never look at the source address, and filters see the same atom.
/// </summary>
internal static class SenderClasses
{
    public static IEnumerable<SourceEndpoint> Representatives(IEnumerable<SourceEndpoint> endpoints, PacketClasses classes, Estate estate)
    {
        var seen = new HashSet<Key>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Endpoint.Resource is NetworkInterface nic && nic.PrimaryIpConfiguration is { PrivateIpAddress: { IsV4: true } address } configuration
                && endpoint.Addresses.TryGetFirst(out var first) && first == address)
            {
                var key = new Key(
                    endpoint.Group,
                    estate.SubnetOf(nic)?.Id,
                    nic.NetworkSecurityGroupId,
                    nic.EnableIpForwarding,
                    ApplicationSecurityGroupsOf(configuration),
                    classes.FilterAtomOf(address));
                if (!seen.Add(key))
                {
                    continue;
                }
            }

            yield return endpoint;
        }
    }

    // The ASGs as one text whatever their order and casing; most NICs have none, and then no text is made.
    private static string ApplicationSecurityGroupsOf(NetworkInterfaceIpConfiguration configuration) =>
        configuration.ApplicationSecurityGroupIds.IsEmpty
            ? string.Empty
            : string.Join(',', configuration.ApplicationSecurityGroupIds.Select(a => a.Value.ToUpperInvariant()).Order(StringComparer.Ordinal));

    // What tells senders apart. Resource ids compare as Azure's do (case-insensitive, hashed once), so no key text is
    // built per NIC: on the large estate that text was about 3 % of what the rows allocated.
    private readonly record struct Key(
        string Group,
        ResourceId? Subnet,
        ResourceId? NetworkSecurityGroup,
        bool IpForwarding,
        string ApplicationSecurityGroups,
        AddressRange FilterAtom);
}
