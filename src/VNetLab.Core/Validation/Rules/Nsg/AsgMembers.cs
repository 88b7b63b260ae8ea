using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>Which NIC IP configurations belong to each application security group, and through them which VNets.</summary>
internal static class AsgMembers
{
    /// <summary>
    /// The VNets of one ASG's members, from the estate's association index rather than a walk over every NIC, so
    /// checking one NSG costs what its rules name.
    /// </summary>
    public static ImmutableArray<ResourceId> VnetsOf(Estate estate, ResourceId asgId)
    {
        // An ASG's members almost always sit in one VNet: found without the set and the enumerators that tell several apart.
        var associations = estate.AssociationsOf(asgId);
        ResourceId? single = null;
        foreach (var association in associations)
        {
            if (association is NetworkInterfaceIpConfiguration { SubnetId.Parent: { } vnet })
            {
                single ??= vnet;
                if (!vnet.Equals(single))
                {
                    return [.. associations.OfType<NetworkInterfaceIpConfiguration>().Select(c => c.SubnetId?.Parent).OfType<ResourceId>().Distinct()];
                }
            }
        }

        return single is null ? [] : [single];
    }

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
