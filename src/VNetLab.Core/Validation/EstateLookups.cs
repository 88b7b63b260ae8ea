using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>Small lookups several rules share.</summary>
internal static class EstateLookups
{
    /// <summary>
    /// The name of the subnet a reference points at, as the subnet itself spells it: ARM resolves ids
    /// case-insensitively, so a reference may write <c>gatewaysubnet</c> for the subnet <c>GatewaySubnet</c>.
    /// Falls back to the reference's last segment when the subnet is not in the estate.
    /// </summary>
    public static string SubnetName(this Estate estate, ResourceId subnetId) => estate.Find<Subnet>(subnetId)?.Name ?? subnetId.Name;
}
