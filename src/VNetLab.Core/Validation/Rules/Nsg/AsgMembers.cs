using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>Which NIC IP configurations belong to each application security group, and through them which VNets.</summary>
internal static class AsgMembers
{
    public static ILookup<ResourceId, NetworkInterfaceIpConfiguration> ByAsg(Estate estate) =>
        estate.NetworkInterfaces
            .SelectMany(n => n.IpConfigurations)
            .SelectMany(c => c.ApplicationSecurityGroupIds.Select(a => (Asg: a, Config: c)))
            .ToLookup(p => p.Asg, p => p.Config);

    /// <summary>
    /// The VNets of one ASG's members, from the estate's association index rather than a walk over every NIC, so
    /// checking one NSG costs what its rules name.
    /// </summary>
    public static ImmutableArray<ResourceId> VnetsOf(Estate estate, ResourceId asgId) =>
        [.. estate.AssociationsOf(asgId).OfType<NetworkInterfaceIpConfiguration>().Select(c => c.SubnetId?.Parent).OfType<ResourceId>().Distinct()];

    public static Dictionary<ResourceId, List<ResourceId>> VnetsByAsg(Estate estate) =>
        ByAsg(estate).ToDictionary(g => g.Key, g => g.Select(c => c.SubnetId?.Parent).OfType<ResourceId>().Distinct().Order().ToList());
}
