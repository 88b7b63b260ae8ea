namespace VNetLab.EstateGenerator;

/// <summary>
/// A <see cref="Random"/> whose sequence is fixed by this file, not by the runtime: xoshiro256** seeded
/// through SplitMix64. The generator promises byte-identical estates for a seed on every machine and
/// every .NET version, and <c>new Random(seed)</c> only keeps its legacy algorithm by convention, so
/// every member the generator uses is overridden here.
/// </summary>
/// <remarks>
/// Independent streams (one per resource group and purpose) come from mixing the seed with a stream
/// number and an index, so a spoke's content never depends on how many draws another spoke made, and
/// resource groups can be written in parallel without changing a byte.
/// </remarks>
internal sealed class DeterministicRandom : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public DeterministicRandom(int seed)
        : this(seed, RandomStream.Plan, 0)
    {
    }

    public DeterministicRandom(int seed, RandomStream stream, int index)
    {
        var state = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)stream * 0xD1B54A32D192ED03UL) ^ ((ulong)(uint)index * 0x9E3779B97F4A7C15UL));
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    public override int Next()
    {
        // 31 bits, rejecting the one value Random.Next() may not return.
        while (true)
        {
            var value = (int)(NextUInt64() >> 33);
            if (value != int.MaxValue)
            {
                return value;
            }
        }
    }

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextBelow((ulong)maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)NextBelow((ulong)((long)maxValue - minValue)));
    }

    public override long NextInt64()
    {
        while (true)
        {
            var value = (long)(NextUInt64() >> 1);
            if (value != long.MaxValue)
            {
                return value;
            }
        }
    }

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)NextBelow((ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return unchecked(minValue + (long)NextBelow((ulong)(maxValue - minValue)));
    }

    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i += 8)
        {
            var bits = NextUInt64();
            for (var j = i; j < Math.Min(i + 8, buffer.Length); j++)
            {
                buffer[j] = (byte)bits;
                bits >>= 8;
            }
        }
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>One element of a non-empty list.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    protected override double Sample() => NextDouble();

    /// <summary>A uniform value in [0, bound) without modulo bias (Lemire's multiply-and-reject).</summary>
    private ulong NextBelow(ulong bound)
    {
        if (bound == 0)
        {
            return 0;
        }

        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = unchecked(0 - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong value, int count) => (value << count) | (value >> (64 - count));
}

/// <summary>The independent random streams of one estate; a new purpose gets a new member, so existing estates do not change.</summary>
internal enum RandomStream
{
    Plan = 1,
    OnPremisesPrefixes = 2,
    SpokePlan = 3,
    SpokeSecurityRules = 4,
    SpokeRoutes = 5,
    Subscriptions = 6,
}
