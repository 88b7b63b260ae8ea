using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// The private addresses of the NIC IP configurations that carry each application security group: what a rule
/// naming the ASG matches (semantics.md §4.6: such a rule applies only to member NICs, which for a packet means its
/// source or destination is a member's address).
/// </summary>
public sealed class ApplicationSecurityGroupMembers
{
    private readonly Dictionary<ResourceId, AddressSet> _addresses;

    private ApplicationSecurityGroupMembers(Dictionary<ResourceId, AddressSet> addresses)
    {
        _addresses = addresses;
    }

    public static ApplicationSecurityGroupMembers Of(Estate estate)
    {
        // Collected first and built in bulk: one union per member made large ASGs quadratic.
        var members = new Dictionary<ResourceId, List<AddressRange>>();
        foreach (var nic in estate.NetworkInterfaces)
        {
            foreach (var configuration in nic.IpConfigurations)
            {
                if (configuration.PrivateIpAddress is not { } address)
                {
                    continue;
                }

                foreach (var asgId in configuration.ApplicationSecurityGroupIds)
                {
                    if (!members.TryGetValue(asgId, out var ranges))
                    {
                        ranges = [];
                        members.Add(asgId, ranges);
                    }

                    ranges.Add(new AddressRange(address, address));
                }
            }
        }

        // A plain dictionary: it is built for every compile and read once per ASG by the term cache, so freezing it
        // (which analyses every key to speed up lookups) cost more than all the lookups it served.
        var addresses = new Dictionary<ResourceId, AddressSet>(members.Count);
        foreach (var (asgId, ranges) in members)
        {
            addresses.Add(asgId, AddressSet.FromRanges(ranges));
        }

        return new(addresses);
    }

    /// <summary>The members' addresses; empty for an ASG no IP configuration carries.</summary>
    public AddressSet Of(ResourceId asgId) => _addresses.GetValueOrDefault(asgId);

    /// <summary>True when at least one IP configuration carries the ASG.</summary>
    public bool HasMembers(ResourceId asgId) => _addresses.ContainsKey(asgId);
}
