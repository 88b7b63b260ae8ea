using System.Diagnostics;
using System.Globalization;
using static VNetLab.Benchmarks.TimeSpread;

namespace VNetLab.Benchmarks;

/// <summary>
/// <c>--latency</c>: what one random read costs on this machine when the data read spans 256 KiB, 512 KiB, ... 256 MiB.
/// The growth exponent compares a 1× estate with a 16× one, and what a 16× operation pays beyond sixteen 1× ones is
/// where its reads come from: callgrind counts what a dedicated cache hierarchy would give (docs/performance.md,
/// "Session 15"), and this shows what the machine itself gives, a virtual machine's share of a shared L3 included, at
/// the sizes of the scaling estates' working sets.
/// </summary>
/// <remarks>
/// A pointer chase: each read is one cache line whose index the read before gave, in a random cycle through every line
/// of the span (Sattolo's shuffle, a fixed seed), so no read can start before the one before ends and no hardware
/// prefetcher can guess the next line. The median of several passes is reported, each pass reading every line of the
/// span at least once after a lap that warms it.
/// </remarks>
public static class MemoryLatency
{
    private const int LineSize = 64;

    // One int per line is read; the others of the line stay unused, so each read is a line of its own.
    private const int IntsPerLine = LineSize / sizeof(int);

    private const int Passes = 7;

    // Enough reads per pass that the timer's resolution does not matter at the smallest span.
    private const int MinimumReads = 2_000_000;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "--latency";

    /// <summary>Runs the chases; returns the process's exit code (2, with a message, for arguments it cannot take).</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("Use --latency (no other arguments).");
            return 2;
        }

        Console.WriteLine("span       ns per random read (median of passes; least)");
        for (var span = 256 * 1024; span <= 256 * 1024 * 1024; span *= 2)
        {
            var (median, least) = Chase(span);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Describe(span),-10} {median,6:F1} ({least:F1})"));
        }

        return 0;
    }

    /// <summary>The nanoseconds per read of a chase through every line of <paramref name="bytes"/>: median and least of the passes.</summary>
    internal static (double Median, double Least) Chase(int bytes)
    {
        var lines = bytes / LineSize;
        var next = Cycle(lines);
        var reads = Math.Max(MinimumReads, lines);
        var at = WarmUp(next, lines);
        var times = new double[Passes];
        for (var pass = 0; pass < Passes; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            at = Walk(next, at, reads);
            times[pass] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / reads;
        }

        // The position reached is printed nowhere, but returning it through a check keeps the chase from being removed.
        return at >= 0 ? (Median(times), times.Min()) : (double.NaN, double.NaN);
    }

    /// <summary>A random cycle through <paramref name="lines"/> lines: the int at the start of each line holds the index of the next line's.</summary>
    internal static int[] Cycle(int lines)
    {
        var order = new int[lines];
        for (var i = 0; i < lines; i++)
        {
            order[i] = i;
        }

        // Sattolo's shuffle gives a single cycle through all the lines, so no chase gets caught in a short loop.
        var random = new Random(20261123);
        for (var i = lines - 1; i > 0; i--)
        {
            var j = random.Next(i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var next = new int[lines * IntsPerLine];
        for (var i = 0; i < lines; i++)
        {
            next[i * IntsPerLine] = order[i] * IntsPerLine;
        }

        return next;
    }

    /// <summary>
    /// One lap of the cycle, which brings the span into whatever cache holds it and checks that the lap is one cycle
    /// through every line: a shorter loop would time a smaller span than the one reported.
    /// </summary>
    private static int WarmUp(int[] next, int lines)
    {
        var at = 0;
        for (var i = 1; i <= lines; i++)
        {
            at = next[at];
            if (at == 0 && i < lines)
            {
                throw new InvalidOperationException($"The chase through {lines} lines came back to its start after {i}.");
            }
        }

        return at;
    }

    private static int Walk(int[] next, int at, int reads)
    {
        for (var i = 0; i < reads; i++)
        {
            at = next[at];
        }

        return at;
    }

    private static string Describe(int bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB");
}
