using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// A named set of address prefixes an NSG rule can use as source or destination, as Azure publishes them in
/// its <c>ServiceTags_Public</c> file (<c>values[].name</c> and <c>values[].properties.addressPrefixes</c>).
/// </summary>
public sealed class ServiceTag
{
    public ServiceTag(string name, IEnumerable<IpPrefix> addressPrefixes)
    {
        Name = name;
        AddressPrefixes = [.. addressPrefixes.Distinct().Order()];
        Addresses = AddressSet.FromPrefixes(AddressPrefixes);
    }

    /// <summary>The tag as Azure spells it, e.g. <c>Storage.WestEurope</c>.</summary>
    public string Name { get; }

    /// <summary>The prefixes as published, sorted: what an effective rule's <c>expanded*AddressPrefix</c> lists.</summary>
    public ImmutableArray<IpPrefix> AddressPrefixes { get; }

    /// <summary>The prefixes as one set, for matching.</summary>
    public AddressSet Addresses { get; }
}
