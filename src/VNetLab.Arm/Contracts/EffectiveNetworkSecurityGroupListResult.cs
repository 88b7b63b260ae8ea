using System.Collections.Immutable;
using VNetLab.Security;

namespace VNetLab.Arm.Contracts;

/// <summary>
/// NetworkInterfaces_ListEffectiveNetworkSecurityGroups (semantics.md §1.5): <c>{ "value": [ ... ] }</c>, one entry
/// per NSG that applies to the NIC, the NIC's own first, then its subnet's. Empty when no NSG applies.
/// </summary>
public sealed record EffectiveNetworkSecurityGroupListResult(ImmutableArray<EffectiveNetworkSecurityGroup> Value)
{
    public static EffectiveNetworkSecurityGroupListResult From(NetworkInterfaceSecurity nic) =>
        new([.. nic.Associations.Select(EffectiveNetworkSecurityGroup.From)]);
}

/// <summary>One NSG as it applies to the NIC: its id, what it is associated with, and its rules in Azure's effective form.</summary>
public sealed record EffectiveNetworkSecurityGroup(
    SubResource NetworkSecurityGroup,
    EffectiveNetworkSecurityGroupAssociation Association,
    ImmutableArray<EffectiveNetworkSecurityRule> EffectiveSecurityRules)
{
    public static EffectiveNetworkSecurityGroup From(NetworkSecurityGroupAssociation association)
    {
        var nsg = association.NetworkSecurityGroup;

        // The NSG's own order: custom rules (inbound, then outbound, by priority), then the default rules.
        var rules = nsg.Inbound.Concat(nsg.Outbound)
            .OrderBy(r => r.Rule.IsDefault)
            .ThenBy(r => r.Direction)
            .ThenBy(r => r.Priority);
        return new(
            new SubResource(nsg.Id.Value),
            association.Kind == NetworkSecurityGroupAssociationKind.Subnet
                ? new EffectiveNetworkSecurityGroupAssociation(new SubResource(association.AssociatedResourceId.Value), null)
                : new EffectiveNetworkSecurityGroupAssociation(null, new SubResource(association.AssociatedResourceId.Value)),
            [.. rules.Select(EffectiveNetworkSecurityRule.From)]);
    }
}

/// <summary>Azure's <c>association</c>: the subnet or the network interface the NSG is attached to (the other is null).</summary>
public sealed record EffectiveNetworkSecurityGroupAssociation(SubResource? Subnet, SubResource? NetworkInterface);

/// <summary>An ARM reference: <c>{ "id": "..." }</c>.</summary>
public sealed record SubResource(string Id);
