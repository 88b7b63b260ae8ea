using VNetLab.Addressing;

namespace VNetLab.Analysis.Policies;

/// <summary>A destination: a label (<c>VNET/SUBNET</c>, a site, <c>internet</c>, a NIC …) and its addresses.</summary>
public sealed record DestinationGroup(string Label, AddressSet Addresses);
