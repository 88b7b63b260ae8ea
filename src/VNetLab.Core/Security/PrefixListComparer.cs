using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>Compares lists of prefixes element by element, so lists with the same prefixes in the same order are one key.</summary>
/// <remarks>
/// The lists are the prefixes a VNet's gateway installs, a thousand or more where on-premises sites announce many, and a
/// compile looks one up for every VNet that learns them. Hashing every prefix each time was about a third of the
/// instructions of compiling every NIC's security (docs/performance.md, "Session 9"), so the hash reads the length and
/// at most <see cref="HashSamples"/> prefixes spread over the list. Lists that differ only between the samples share a
/// hash and are told apart by <see cref="Equals(ImmutableArray{IpPrefix}, ImmutableArray{IpPrefix})"/>, which reads
/// them whole.
/// </remarks>
internal sealed class PrefixListComparer : IEqualityComparer<ImmutableArray<IpPrefix>>
{
    /// <summary>The most prefixes the hash reads, besides the last.</summary>
    public const int HashSamples = 16;

    public static PrefixListComparer Instance { get; } = new();

    // The same array is the usual hit: the VNets of one hub are often given one list.
    public bool Equals(ImmutableArray<IpPrefix> x, ImmutableArray<IpPrefix> y) => x == y || x.AsSpan().SequenceEqual(y.AsSpan());

    public int GetHashCode(ImmutableArray<IpPrefix> obj)
    {
        var prefixes = obj.AsSpan();
        var hash = new HashCode();
        hash.Add(prefixes.Length);
        var step = Math.Max(1, prefixes.Length / HashSamples);
        for (var i = 0; i < prefixes.Length; i += step)
        {
            hash.Add(prefixes[i]);
        }

        if (!prefixes.IsEmpty)
        {
            hash.Add(prefixes[^1]);
        }

        return hash.ToHashCode();
    }
}
