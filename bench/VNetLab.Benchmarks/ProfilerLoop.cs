using System.Diagnostics;
using System.Globalization;

namespace VNetLab.Benchmarks;

/// <summary>
/// <c>--loop validate|security ESTATE COUNT</c>: one scaling operation on one benchmark estate, COUNT times in this
/// process, for an outside profiler (<c>perf record</c>, <c>valgrind --tool=callgrind</c>) to watch. BenchmarkDotNet
/// runs each benchmark in a child process of its own choosing, which a profiler cannot be pointed at; here the import
/// and a warm-up come first and the process prints when the timed loop starts and ends, so a profiler's delay option
/// can skip the import.
/// </summary>
public static class ProfilerLoop
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "--loop";

    /// <summary>Runs the loop; returns the process's exit code (2, with a message, for arguments it cannot take).</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 4 || args[1] is not ("validate" or "security") || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var count) || count < 1
            || EstateOf(args[2]) is not { } load)
        {
            Console.Error.WriteLine("Use --loop validate|security ESTATE COUNT: ESTATE is scale-N (N = 1, 4, 16, ...) or small, medium or large; COUNT is at least 1.");
            return 2;
        }

        var estate = load();
        Func<int> operation = args[1] == "validate" ? estate.Validate : estate.CompileSecurityOfEveryNic;
        for (var i = 0; i < 5; i++)
        {
            operation();
        }

        // Every build starts the loop from the same heap: what the warm-up left is collected first.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new double[count];
        Console.WriteLine($"loop start: {args[1]} on {args[2]}, {count} times");
        WaitForGate("start");

        // Under a profiler that simulates the caches (callgrind), the first operation after it is switched on finds them
        // empty, and for a 16x estate that is most of its misses: one operation first, then the profiler's counts are
        // zeroed at the gate, so the loop is counted with caches as warm as they are between operations.
        if (IsGated)
        {
            operation();
            Console.WriteLine("loop warm");
            WaitForGate("warm");
        }

        // What the loop allocated and collected, for the runs whose time the collector decides (a 16x compile keeps its
        // megabytes alive until it ends, so collections during it promote them).
        var (allocated, pauses) = (GC.GetAllocatedBytesForCurrentThread(), GC.GetTotalPauseDuration());
        var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            operation();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Console.WriteLine("loop done");
        WaitForGate("done");
        var perOperation = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / count;
        var paused = (GC.GetTotalPauseDuration() - pauses).TotalMilliseconds / count;
        Console.WriteLine("loop end: " + TimeSpread.Describe(times));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per operation: {perOperation:F0} KiB allocated, {paused:F2} ms paused for collections; collections gen0/gen1/gen2 in the loop: "
            + $"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}"));

        // What one young collection costs and why: its pause grows with what it promotes, which is what a compile or a
        // validation in progress holds when the collection comes.
        if (GC.GetGCMemoryInfo(GCKind.Ephemeral) is { Index: > 0 } young)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"last young collection (gen{young.Generation}): {young.PauseDurations[0].TotalMilliseconds:F2} ms paused, "
                + $"{young.PromotedBytes / 1024.0 / 1024.0:F1} MB promoted, heap {young.HeapSizeBytes / 1024.0 / 1024.0:F0} MB"));
        }

        return 0;
    }

    /// <summary>
    /// When <c>VNETLAB_LOOP_GATE</c> names a folder, waits after each of the lines <c>loop start</c>, <c>loop warm</c> and
    /// <c>loop done</c> until a file <c>start</c> (then <c>warm</c>, <c>done</c>) appears there. A script that switches a
    /// profiler on, zeroes its counts and switches it off as it reads those lines (<c>callgrind_control -i on</c>,
    /// <c>-z</c>, <c>-i off</c>) creates the file once the switch has taken effect, so the profiler counts the loop's
    /// operations and nothing else: callgrind acts on a switch only when it next polls for commands, and without the
    /// wait a loop ran its first operations uncounted.
    /// </summary>
    private static void WaitForGate(string file)
    {
        if (GateFolder is not { } folder)
        {
            return;
        }

        var path = Path.Combine(folder, file);
        while (!File.Exists(path))
        {
            Thread.Sleep(50);
        }
    }

    private static string? GateFolder => Environment.GetEnvironmentVariable("VNETLAB_LOOP_GATE") is { Length: > 0 } folder ? folder : null;

    private static bool IsGated => GateFolder is not null;

    /// <summary>How to load the benchmark estate named <paramref name="name"/>, or null for a name that is none.</summary>
    private static Func<ScalingEstate>? EstateOf(string name) =>
        name.StartsWith("scale-", StringComparison.Ordinal)
            ? int.TryParse(name["scale-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var factor) && factor >= 1
                ? () => ScalingEstate.Scale(factor)
                : null
            : BenchmarkSizes.All.Contains(name) ? () => ScalingEstate.Load(name) : null;
}
