using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// The ASG memberships of an estate's NICs, gathered one NIC at a time in the estate's order: a validation pass adds
/// each NIC while it is in the cache (<see cref="IWalksNetworkInterfaces"/>).
/// </summary>
internal sealed class AsgMembership(Estate estate, int asgsPerIpConfiguration)
{
    // Each ASG's members. One map's entries at 16x were an array of about 95 KB, on the large object heap (as PublishedSlots
    // explains for security's NIC slots), hence the shares.
    private readonly ShardedDictionary<ResourceId, List<AsgMember>> _byAsg = new();

    /// <summary>The configurations so far that join more than the limit of ASGs, in the estate's order of NICs.</summary>
    public List<NetworkInterfaceIpConfiguration> BeyondLimit { get; } = [];

    public void Add(NetworkInterface nic)
    {
        foreach (var ipConfiguration in nic.IpConfigurations)
        {
            var asgs = ipConfiguration.ApplicationSecurityGroupIds;
            if (asgs.Length > asgsPerIpConfiguration)
            {
                BeyondLimit.Add(ipConfiguration);
            }

            if (asgs.IsEmpty)
            {
                continue;
            }

            var member = new AsgMember(ipConfiguration, nic, estate.NetworkInterfaceOf(ipConfiguration, nic)?.Location);
            foreach (var asg in asgs)
            {
                if (!_byAsg.TryGetValue(asg, out var members))
                {
                    members = [];
                    _byAsg[asg] = members;
                }

                members.Add(member);
            }
        }
    }

    /// <summary>The ASG's members so far, in the estate's order of NICs (an ASG listed twice by one configuration, twice); null when none.</summary>
    public List<AsgMember>? MembersOf(ResourceId asgId) => _byAsg.TryGetValue(asgId, out var members) ? members : null;
}
