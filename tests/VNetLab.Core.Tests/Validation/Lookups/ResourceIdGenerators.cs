using FsCheck;
using FsCheck.Fluent;
using VNetLab.Model;

namespace VNetLab.Core.Tests.Validation.Lookups;

/// <summary>
/// Resource ids drawn from a few segments in several casings, so that random pairs are often equal ignoring case,
/// often children of one another and often differ in one segment only.
/// </summary>
internal static class ResourceIdGenerators
{
    private static readonly Gen<string> _subscription = Gen.Elements("s1", "S1", "s2");
    private static readonly Gen<string> _resourceGroup = Gen.Elements("rg", "RG", "rg2");
    private static readonly Gen<string> _provider = Gen.Elements("Microsoft.Network", "microsoft.network", "Microsoft.Compute");
    private static readonly Gen<string> _type = Gen.Elements("virtualNetworks", "VirtualNetworks", "subnets", "networkInterfaces");
    private static readonly Gen<string> _name = Gen.Elements("a", "A", "b");

    public static Gen<ResourceId> Id { get; } =
        from subscription in _subscription
        from resourceGroup in _resourceGroup
        from provider in _provider
        from depth in Gen.Choose(1, 3)
        from types in Gen.ArrayOf(_type, depth)
        from names in Gen.ArrayOf(_name, depth)
        select ResourceId.Create(subscription, resourceGroup, provider, types, names);

    /// <summary>Two ids: unrelated, a child and its parent, or two children of one parent (each sometimes spelled in capitals).</summary>
    public static Gen<(ResourceId, ResourceId)> Pair { get; } =
        Gen.OneOf(
            Gen.Zip(Id, Id),
            from parent in Id
            from child in ChildOf(parent)
            select (child, parent),
            from parent in Id
            from first in ChildOf(parent)
            from second in ChildOf(parent)
            select (first, second));

    private static Gen<ResourceId> ChildOf(ResourceId parent) =>
        from type in _type
        from name in _name
        from upper in Gen.Elements(true, false)
        let child = parent.Child(type, name)
        select upper ? ResourceId.Parse(child.Value.ToUpperInvariant()) : child;
}
