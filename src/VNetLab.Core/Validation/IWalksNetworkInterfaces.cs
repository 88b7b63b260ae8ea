using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// An estate-wide rule whose check is one walk over every NIC in the estate's order. In a <see cref="Validator"/> pass
/// the NICs are handed to the walk next to the VNet whose rules have just read them (<see cref="NetworkInterfaceFeed"/>),
/// so that on an estate larger than the cache each NIC and IP configuration comes from memory once per pass rather than
/// once more per rule that walks them. <see cref="IValidationRule.Validate"/> gives what a walk given every NIC in order
/// then gives in <see cref="NetworkInterfaceWalk.Findings"/>.
/// </summary>
internal interface IWalksNetworkInterfaces : IValidationRule
{
    /// <summary>A walk over <paramref name="estate"/>'s NICs, to be given each of them once, in the estate's order.</summary>
    NetworkInterfaceWalk StartWalk(Estate estate);
}
