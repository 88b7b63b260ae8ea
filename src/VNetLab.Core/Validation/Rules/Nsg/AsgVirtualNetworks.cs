using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// The VNets of every ASG's members, as <see cref="AsgMembers.VnetsOf(Estate, ResourceId)"/> gives them (distinct, in
/// the order of first appearance, each spelled as its first member spells it), gathered by a validation pass while
/// its NIC walk has each NIC in the cache. The NSG rules ask an ASG's VNets once per ASG they name; answering from the
/// association index read, per ASG, a random place of a table larger than the cache and then each member
/// configuration, far from the NSG being checked.
/// </summary>
internal sealed class AsgVirtualNetworks
{
    private readonly ShardedDictionary<ResourceId, ImmutableArray<ResourceId>> _byAsg = new();

    private AsgVirtualNetworks()
    {
    }

    /// <summary>
    /// A walk that gathers them, or null when a walk over the NICs would not meet what the association index lists (a
    /// configuration shadowed by another resource with its id): the pass then asks the index, as a rule run alone does.
    /// </summary>
    public static Walk? StartWalk(Estate estate) => estate.IpConfigurationsAreIndexedAsThemselves ? new Walk() : null;

    /// <summary>The VNets of <paramref name="asgId"/>'s members; empty for an ASG without members.</summary>
    public ImmutableArray<ResourceId> Of(ResourceId asgId) => _byAsg.TryGetValue(asgId, out var vnets) ? vnets : [];

    private void Add(NetworkInterface nic)
    {
        foreach (var ipConfiguration in nic.IpConfigurations)
        {
            if (ipConfiguration is not { SubnetId.Parent: { } vnet } || ipConfiguration.ApplicationSecurityGroupIds.IsEmpty)
            {
                continue;
            }

            foreach (var asg in ipConfiguration.ApplicationSecurityGroupIds)
            {
                var known = _byAsg.TryGetValue(asg, out var vnets) ? vnets : [];
                if (!known.Contains(vnet))
                {
                    // Almost every ASG has its members in one VNet: an array is made once per ASG and rarely grown.
                    _byAsg[asg] = known.Add(vnet);
                }
            }
        }
    }

    /// <summary>The pass's walk over every NIC, whose <see cref="Gathered"/> is complete once it has visited them all.</summary>
    public sealed class Walk : NetworkInterfaceWalk
    {
        public AsgVirtualNetworks Gathered { get; } = new();

        public override void Visit(NetworkInterface nic) => Gathered.Add(nic);

        // Not a rule: it finds nothing, it gathers for the rules that ask.
        public override IEnumerable<Diagnostic> Findings() => [];
    }
}
