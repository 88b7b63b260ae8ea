using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>Compares lists of prefixes element by element, so lists with the same prefixes in the same order are one key.</summary>
internal sealed class PrefixListComparer : IEqualityComparer<ImmutableArray<IpPrefix>>
{
    public static PrefixListComparer Instance { get; } = new();

    public bool Equals(ImmutableArray<IpPrefix> x, ImmutableArray<IpPrefix> y) => x.AsSpan().SequenceEqual(y.AsSpan());

    public int GetHashCode(ImmutableArray<IpPrefix> obj)
    {
        var hash = new HashCode();
        foreach (var prefix in obj.AsSpan())
        {
            hash.Add(prefix);
        }

        return hash.ToHashCode();
    }
}
