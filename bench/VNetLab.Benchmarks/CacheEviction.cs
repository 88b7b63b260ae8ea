using System.Globalization;

namespace VNetLab.Benchmarks;

/// <summary>
/// Pushes everything out of the processor's caches by reading a buffer several times the size of the last-level
/// cache, so that the next operation finds the estate's model in memory, not in the cache. Used by the cold
/// scaling benchmarks: a model of 1× or 4× stays in a 32 MiB L3 from one operation to the next and one of 16× does
/// not, so without an eviction the sizes are timed in different cache states.
/// </summary>
public sealed class CacheEviction
{
    // Used when the cache size cannot be read (not Linux): well above the last-level caches of current servers.
    private const long FallbackLastLevelBytes = 64L * 1024 * 1024;

    private const int LineBytes = 64;

    private readonly byte[] _buffer;
    private long _sink;

    public CacheEviction()
    {
        var lastLevelBytes = ReadLastLevelCacheBytes() ?? FallbackLastLevelBytes;

        // Four times the cache: with its replacement policy not strictly LRU, one pass over a buffer the size of
        // the cache leaves some of the old lines behind.
        _buffer = GC.AllocateUninitializedArray<byte>((int)Math.Min(4 * lastLevelBytes, int.MaxValue - LineBytes), pinned: true);
        Array.Fill(_buffer, (byte)1);
    }

    /// <summary>Reads one byte of every line of the buffer; returns their sum so the reads cannot be dropped.</summary>
    public long Evict()
    {
        long sum = 0;
        var buffer = _buffer;
        for (var i = 0; i < buffer.Length; i += LineBytes)
        {
            sum += buffer[i];
        }

        _sink += sum;
        return _sink;
    }

    /// <summary>The largest unified or data cache Linux lists for CPU 0 (<c>/sys/devices/system/cpu/cpu0/cache</c>).</summary>
    private static long? ReadLastLevelCacheBytes()
    {
        const string root = "/sys/devices/system/cpu/cpu0/cache";
        if (!Directory.Exists(root))
        {
            return null;
        }

        long? largest = null;
        foreach (var index in Directory.EnumerateDirectories(root, "index*"))
        {
            var type = ReadText(Path.Combine(index, "type"));
            var size = ReadText(Path.Combine(index, "size"));
            if (type is "Instruction" || size is null || ParseSize(size) is not { } bytes)
            {
                continue;
            }

            largest = Math.Max(largest ?? 0, bytes);
        }

        return largest;
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // sysfs writes sizes as "32768K" (or "1M", or a bare number of bytes).
    private static long? ParseSize(string text)
    {
        var (digits, scale) = text[^1] switch
        {
            'K' or 'k' => (text[..^1], 1024L),
            'M' or 'm' => (text[..^1], 1024L * 1024),
            'G' or 'g' => (text[..^1], 1024L * 1024 * 1024),
            _ => (text, 1L),
        };
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value * scale : null;
    }
}
