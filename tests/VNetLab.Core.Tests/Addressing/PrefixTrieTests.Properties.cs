using FsCheck.Fluent;
using VNetLab.Addressing;

namespace VNetLab.Core.Tests.Addressing;

/// <summary>
/// The trie against a brute-force scan: for every probe, the longest match, the exact lookups and the
/// ordered list of all matches must equal what a linear pass over the prefix list gives.
/// </summary>
public partial class PrefixTrieTests
{
    [Fact]
    public void Property_V4_LookupEqualsBruteForceScan() => PropertyCheck.Holds(AddressingGenerators.NestedTable(IpFamily.V4), AgreesWithScan);

    [Fact]
    public void Property_V6_LookupEqualsBruteForceScan() => PropertyCheck.Holds(AddressingGenerators.NestedTable(IpFamily.V6), AgreesWithScan);

    [Fact]
    public void Property_MixedFamilies_LookupEqualsBruteForceScan() =>
        PropertyCheck.Holds(
            Gen.Zip(AddressingGenerators.NestedTable(IpFamily.V4), AddressingGenerators.NestedTable(IpFamily.V6))
                .Select(static t => (t.Item1.Prefixes.Concat(t.Item2.Prefixes).ToArray(), t.Item1.Probes.Concat(t.Item2.Probes).ToArray())),
            AgreesWithScan);

    [Fact]
    public void Property_UnrelatedRandomPrefixes_LookupEqualsBruteForceScan() =>
        PropertyCheck.Holds(
            Gen.Zip(AddressingGenerators.ArrayOfUpTo(AddressingGenerators.AnyPrefix, 30), Gen.ArrayOf(AddressingGenerators.AnyAddress, 20)),
            AgreesWithScan);

    [Fact]
    public void LargeSeededTable_EqualsBruteForceScan()
    {
        // A deeper trie than the generators build: 1,500 prefixes of each family around a few hundred bases.
        var random = new Random(20240601);
        var v4Bases = Enumerable.Range(0, 200).Select(_ => IpAddress.FromV4((uint)random.NextInt64(0, 1L << 32))).ToArray();
        var v6Bases = Enumerable.Range(0, 200).Select(_ => IpAddress.FromV6(new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64()))).ToArray();
        var prefixes = Enumerable.Range(0, 1500)
            .SelectMany(_ => new[]
            {
                IpPrefix.Create(v4Bases[random.Next(v4Bases.Length)], random.Next(0, 33)),
                IpPrefix.Create(v6Bases[random.Next(v6Bases.Length)], random.Next(0, 129)),
            })
            .ToArray();
        var probes = v4Bases.Concat(v6Bases)
            .Select(a => IpAddress.From(a.Family, a.Value ^ (UInt128.One << random.Next(a.BitLength))))
            .Concat(v4Bases)
            .Concat(v6Bases)
            .ToArray();

        Assert.True(AgreesWithScan((prefixes, probes)));
    }

    private static bool AgreesWithScan((IpPrefix[] Prefixes, IpAddress[] Probes) table)
    {
        var (prefixes, probes) = table;
        var builder = new PrefixTrieBuilder<int>();
        var expectedValues = new Dictionary<IpPrefix, int>();
        for (var i = 0; i < prefixes.Length; i++)
        {
            // Later duplicates replace earlier ones, in the builder and in the model alike.
            builder.Add(prefixes[i], i);
            expectedValues[prefixes[i]] = i;
        }

        var trie = builder.Build();
        if (trie.Count != expectedValues.Count || !trie.Entries.Select(static e => e.Key).SequenceEqual(expectedValues.Keys.Order()))
        {
            return false;
        }

        foreach (var probe in probes)
        {
            var scan = expectedValues.Keys.Where(p => p.Contains(probe)).OrderBy(static p => p.Length).ToList();
            var found = trie.TryLongestMatch(probe, out var prefix, out var value);
            if (found != (scan.Count > 0))
            {
                return false;
            }

            if (found && (prefix != scan[^1] || value != expectedValues[prefix]))
            {
                return false;
            }

            var matches = new List<KeyValuePair<IpPrefix, int>>();
            trie.GetMatches(probe, matches);
            if (!matches.Select(static m => m.Key).SequenceEqual(scan) || matches.Any(m => m.Value != expectedValues[m.Key]))
            {
                return false;
            }

            // Exact lookups: every stored prefix is found with its value; its neighbours by length are not
            // unless they are stored too.
            foreach (var length in new[] { 0, 8, 16, 24, 31, 32, 48, 64, 127, 128 }.Where(l => l <= probe.BitLength))
            {
                var candidate = IpPrefix.Create(probe, length);
                var exact = trie.TryGetExact(candidate, out var exactValue);
                var stored = expectedValues.TryGetValue(candidate, out var storedValue);
                if (exact != stored || (exact && exactValue != storedValue))
                {
                    return false;
                }
            }
        }

        return expectedValues.All(e => trie.TryGetExact(e.Key, out var v) && v == e.Value);
    }
}
