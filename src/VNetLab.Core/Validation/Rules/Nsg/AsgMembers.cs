using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>Which NIC IP configurations belong to each application security group, and through them which VNets.</summary>
internal static class AsgMembers
{
    /// <summary>Each ASG's members in the estate's order of NICs (an ASG listed twice by one configuration, twice).</summary>
    public static Dictionary<ResourceId, List<AsgMember>> ByAsg(Estate estate)
    {
        var byAsg = new Dictionary<ResourceId, List<AsgMember>>();
        foreach (var nic in estate.NetworkInterfaces)
        {
            foreach (var ipConfiguration in nic.IpConfigurations)
            {
                foreach (var asg in ipConfiguration.ApplicationSecurityGroupIds)
                {
                    if (!byAsg.TryGetValue(asg, out var members))
                    {
                        members = [];
                        byAsg[asg] = members;
                    }

                    members.Add(new AsgMember(ipConfiguration, nic));
                }
            }
        }

        return byAsg;
    }

    /// <summary>
    /// The VNets of one ASG's members, from the estate's association index rather than a walk over every NIC, so
    /// checking one NSG costs what its rules name.
    /// </summary>
    public static ImmutableArray<ResourceId> VnetsOf(Estate estate, ResourceId asgId) =>
        [.. estate.AssociationsOf(asgId).OfType<NetworkInterfaceIpConfiguration>().Select(c => c.SubnetId?.Parent).OfType<ResourceId>().Distinct()];

    /// <summary>The distinct VNets of <paramref name="members"/>' subnets, sorted.</summary>
    public static List<ResourceId> VnetsOf(List<AsgMember> members) =>
        members.Select(m => m.IpConfiguration.SubnetId?.Parent).OfType<ResourceId>().Distinct().Order().ToList();

    /// <summary>True when <see cref="VnetsOf(List{AsgMember})"/> would list more than one VNet, found without building any VNet id.</summary>
    public static bool InSeveralVnets(List<AsgMember> members)
    {
        ResourceId? first = null;
        foreach (var member in members)
        {
            if (member.IpConfiguration.SubnetId is not { IsChild: true } subnet)
            {
                continue;
            }

            first ??= subnet;
            if (!subnet.HasSameParentAs(first))
            {
                return true;
            }
        }

        return false;
    }
}
