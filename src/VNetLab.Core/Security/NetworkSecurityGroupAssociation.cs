using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>Where an NSG applies to a NIC's traffic: on its subnet or on the NIC itself (Azure's <c>association</c>).</summary>
public enum NetworkSecurityGroupAssociationKind
{
    Subnet,
    NetworkInterface,
}

/// <summary>An NSG as it applies to one NIC: the compiled rules and the subnet or NIC it is associated with.</summary>
/// <param name="Kind">Subnet or network interface.</param>
/// <param name="AssociatedResourceId">The subnet's or the NIC's id (Azure's <c>association.subnet.id</c> / <c>association.networkInterface.id</c>).</param>
/// <param name="NetworkSecurityGroup">The NSG, compiled for the NIC's subnet.</param>
public sealed record NetworkSecurityGroupAssociation(
    NetworkSecurityGroupAssociationKind Kind,
    ResourceId AssociatedResourceId,
    CompiledNetworkSecurityGroup NetworkSecurityGroup);
