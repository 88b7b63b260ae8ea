namespace VNetLab.Model;

/// <summary>
/// A reference from one resource to an id the estate does not hold (a subnet's NSG that was not exported,
/// a peering to a VNet in another subscription). The estate records it; validation reports it.
/// </summary>
/// <param name="From">The resource holding the reference.</param>
/// <param name="Property">The property path inside it, e.g. <c>properties.networkSecurityGroup.id</c>.</param>
/// <param name="Target">The id that did not resolve.</param>
/// <param name="Source">Where the referencing resource was read from.</param>
public sealed record UnresolvedReference(ResourceId From, string Property, ResourceId Target, SourceLocation? Source);
