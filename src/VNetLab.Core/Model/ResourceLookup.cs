using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>
/// Finds a resource the user named on the command line: a full id, or a name looked up only among
/// resources of the kind asked for (CONTRACT.md: <c>--nic myVm</c> matches NICs only). Subnets may be
/// named <c>VNET/SUBNET</c>. A name shared by several resources of that kind is ambiguous, not a guess.
/// </summary>
public static class ResourceLookup
{
    public static LookupResult<T> Find<T>(Estate estate, string text, IEnumerable<T> candidates) where T : Resource
    {
        text = text.Trim();
        if (ResourceId.TryParse(text, out var id))
        {
            return estate.Find<T>(id) is { } byId ? LookupResult<T>.Found(byId) : LookupResult<T>.NotFound();
        }

        var matches = candidates.Where(c => Matches(c.Id, text)).ToImmutableArray();
        return matches.Length switch
        {
            0 => LookupResult<T>.NotFound(),
            1 => LookupResult<T>.Found(matches[0]),
            _ => LookupResult<T>.Ambiguous(matches),
        };
    }

    public static LookupResult<NetworkInterface> NetworkInterface(Estate estate, string text) =>
        Find(estate, text, estate.NetworkInterfaces);

    public static LookupResult<VirtualMachine> VirtualMachine(Estate estate, string text) =>
        Find(estate, text, estate.VirtualMachines);

    public static LookupResult<VirtualNetwork> VirtualNetwork(Estate estate, string text) =>
        Find(estate, text, estate.VirtualNetworks);

    /// <summary>A subnet by id, by <c>VNET/SUBNET</c>, or by subnet name alone when that is unique.</summary>
    public static LookupResult<Subnet> Subnet(Estate estate, string text) =>
        Find(estate, text, estate.VirtualNetworks.SelectMany(v => v.Subnets));

    // "name" matches the last segment; "parent/name" matches the last two (VNET/SUBNET).
    private static bool Matches(ResourceId id, string text)
    {
        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Length > id.Names.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!string.Equals(parts[^(i + 1)], id.Names[^(i + 1)], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The outcome of a <see cref="ResourceLookup"/>: one resource, none, or several candidates.</summary>
public sealed record LookupResult<T>(T? Resource, ImmutableArray<T> Candidates) where T : Resource
{
    public bool IsFound => Resource is not null;

    public bool IsAmbiguous => Candidates.Length > 1;

    public static LookupResult<T> Found(T resource) => new(resource, [resource]);

    public static LookupResult<T> NotFound() => new(null, []);

    public static LookupResult<T> Ambiguous(ImmutableArray<T> candidates) => new(null, candidates);
}
