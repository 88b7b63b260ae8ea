using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>Which NIC IP configurations belong to each application security group, and through them which VNets.</summary>
internal static class AsgMembers
{
    /// <summary>Each ASG's members in the estate's order of NICs (an ASG listed twice by one configuration, twice).</summary>
    public static Dictionary<ResourceId, List<AsgMember>> ByAsg(Estate estate) => ByAsg(estate, int.MaxValue, out _);

    /// <summary>
    /// <see cref="ByAsg(Estate)"/>, and the IP configurations that join more than <paramref name="asgsPerIpConfiguration"/>
    /// ASGs, in the estate's order of NICs, found in the same walk: each walk over every NIC of an estate larger than the
    /// cache reads them all from memory again.
    /// </summary>
    public static Dictionary<ResourceId, List<AsgMember>> ByAsg(Estate estate, int asgsPerIpConfiguration,
        out List<NetworkInterfaceIpConfiguration> beyondLimit)
    {
        var membership = new AsgMembership(estate, asgsPerIpConfiguration);
        foreach (var nic in estate.NetworkInterfaces)
        {
            membership.Add(nic);
        }

        beyondLimit = membership.BeyondLimit;
        return membership.ByAsg;
    }

    /// <summary>
    /// The VNets of one ASG's members, from the estate's association index rather than a walk over every NIC, so
    /// checking one NSG costs what its rules name.
    /// </summary>
    public static ImmutableArray<ResourceId> VnetsOf(Estate estate, ResourceId asgId) =>
        [.. estate.AssociationsOf(asgId).OfType<NetworkInterfaceIpConfiguration>().Select(c => c.SubnetId?.Parent).OfType<ResourceId>().Distinct()];

    /// <summary>The distinct VNets of <paramref name="members"/>' subnets, sorted.</summary>
    public static List<ResourceId> VnetsOf(List<AsgMember> members) =>
        members.Select(m => m.VirtualNetworkId).OfType<ResourceId>().Distinct().Order().ToList();

    /// <summary>True when <see cref="VnetsOf(List{AsgMember})"/> would list more than one VNet, found without building any VNet id.</summary>
    public static bool InSeveralVnets(List<AsgMember> members)
    {
        ResourceId? first = null;
        foreach (var member in members)
        {
            if (member.VirtualNetworkId is not { } vnet)
            {
                continue;
            }

            // Equal ids compare segment by segment as ARM does (ignoring case), so this is HasSameParentAs on the subnets.
            first ??= vnet;
            if (!vnet.Equals(first))
            {
                return true;
            }
        }

        return false;
    }
}
