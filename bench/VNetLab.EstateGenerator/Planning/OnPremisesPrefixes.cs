using System.Collections.Immutable;

namespace VNetLab.EstateGenerator.Planning;

/// <summary>
/// The prefixes the corporate network advertises over ExpressRoute: mostly /24 site and VLAN ranges,
/// some /23–/19 data-centre blocks, scattered over the on-premises aggregates without overlapping, so
/// that NSG rules can list several of them together (Azure refuses overlapping prefixes in one rule
/// parameter, constraints.md 7.18) and every route table sees distinct routes.
/// </summary>
internal static class OnPremisesPrefixes
{
    // Cumulative share of each length: 70 % /24, 12 % /23, 8 % /22, 5 % /21, 4 % /20, 1 % /19.
    private static readonly (double Upto, int Length)[] _lengths =
    [
        (0.70, 24), (0.82, 23), (0.90, 22), (0.95, 21), (0.99, 20), (1.00, 19),
    ];

    /// <summary>Blocks are tracked in /24 units across the aggregates.</summary>
    private const int UnitLength = 24;

    public static ImmutableArray<Ipv4Prefix> Generate(int seed, int count)
    {
        var random = new DeterministicRandom(seed, RandomStream.OnPremisesPrefixes, 0);
        var pools = AddressPlan.OnPremisesAggregates;
        var poolUnits = pools.Select(p => (int)(p.Size >> (32 - UnitLength))).ToArray();
        var used = pools.Select((_, i) => new bool[poolUnits[i]]).ToArray();
        var free = poolUnits.Sum();
        var result = new List<Ipv4Prefix>(count);

        for (var remaining = count; remaining > 0; remaining--)
        {
            var length = PickLength(random);

            // Never take so much that a later prefix finds no free /24.
            while (length < UnitLength && free - (1 << (UnitLength - length)) < remaining - 1)
            {
                length++;
            }

            Ipv4Prefix? placed = null;
            for (; placed is null && length < UnitLength; length++)
            {
                placed = TryRandomPlacement(random, pools, poolUnits, used, length);
            }

            placed ??= TryRandomPlacement(random, pools, poolUnits, used, UnitLength) ?? FirstFreeUnit(random, pools, used);
            var prefix = placed.Value;
            Mark(pools, used, prefix);
            free -= 1 << (UnitLength - prefix.Length);
            result.Add(prefix);
        }

        // Sorted as a router's table would list them; generation order is an artefact.
        return [.. result.OrderBy(p => p.Network).ThenBy(p => p.Length)];
    }

    private static int PickLength(DeterministicRandom random)
    {
        var draw = random.NextDouble();
        foreach (var (upto, length) in _lengths)
        {
            if (draw < upto)
            {
                return length;
            }
        }

        return UnitLength;
    }

    private static Ipv4Prefix? TryRandomPlacement(DeterministicRandom random, Ipv4Prefix[] pools, int[] poolUnits, bool[][] used, int length)
    {
        var unitsPerBlock = 1 << (UnitLength - length);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var pool = PickPool(random, poolUnits);
            var blocks = poolUnits[pool] / unitsPerBlock;
            var block = random.Next(blocks);
            var firstUnit = block * unitsPerBlock;
            if (!used[pool].AsSpan(firstUnit, unitsPerBlock).Contains(true))
            {
                return pools[pool].Subdivide(length, block);
            }
        }

        return null;
    }

    /// <summary>A linear scan from a random start: always finds a /24 while one is free.</summary>
    private static Ipv4Prefix FirstFreeUnit(DeterministicRandom random, Ipv4Prefix[] pools, bool[][] used)
    {
        var total = used.Sum(u => u.Length);
        var start = random.Next(total);
        for (var step = 0; step < total; step++)
        {
            var unit = (start + step) % total;
            var pool = 0;
            while (unit >= used[pool].Length)
            {
                unit -= used[pool].Length;
                pool++;
            }

            if (!used[pool][unit])
            {
                return pools[pool].Subdivide(UnitLength, unit);
            }
        }

        throw new InvalidOperationException("The on-premises aggregates are full; EstateGeneratorOptions.Validate caps the prefix count below this.");
    }

    private static int PickPool(DeterministicRandom random, int[] poolUnits)
    {
        var draw = random.Next(poolUnits.Sum());
        var pool = 0;
        while (draw >= poolUnits[pool])
        {
            draw -= poolUnits[pool];
            pool++;
        }

        return pool;
    }

    private static void Mark(Ipv4Prefix[] pools, bool[][] used, Ipv4Prefix prefix)
    {
        for (var pool = 0; pool < pools.Length; pool++)
        {
            if (pools[pool].Contains(prefix))
            {
                var firstUnit = (int)((prefix.Network - pools[pool].Network) >> (32 - UnitLength));
                used[pool].AsSpan(firstUnit, 1 << (UnitLength - prefix.Length)).Fill(true);
                return;
            }
        }
    }
}
