using System.Diagnostics;
using System.Globalization;
using static VNetLab.Benchmarks.TimeSpread;

namespace VNetLab.Benchmarks;

/// <summary>
/// <c>--exponent validate|security ROUNDS</c>: the growth exponent across 1×, 4× and 16× as a ratio measured in one
/// run. BenchmarkDotNet times each size for seconds on end, one after the other, so on a shared machine a burst of
/// load that lands on one size and not another moves the exponent by more than the engine work being judged (session
/// 12 read 0.98–1.18 from one build). Here the three estates are loaded in one process and every round times all
/// three back to back: 16 operations at 1×, 4 at 4× and 1 at 16×, each batch the same volume of estate. A round's
/// exponent is <c>1 + log16(T16 / T1)</c>, T being the time a batch took: what the machine does to one round it does
/// to all three sizes alike, and the median over rounds drops the rounds it did not.
/// </summary>
/// <remarks>
/// So that no size pays for another, each batch starts after a full blocking collection (the previous size's garbage
/// is not this one's to collect; BenchmarkDotNet collects between iterations too) and one operation that is not
/// timed (the previous size's data left the caches; measured, the second operation of a batch is already as fast as
/// the sixteenth). Timed so, 1× in rounds of all three sizes took what it took in rounds of 1× alone (1.67 and
/// 1.68 ms medians, alternated in one process).
/// </remarks>
public static class ExponentRounds
{
    private static readonly int[] Factors = [1, 4, 16];

    private const int WarmUpRounds = 20;

    // The 1x median over the least time above which a run is taken to have run through a burst of load (see Report).
    private const double BurstRatio = 1.5;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "--exponent";

    /// <summary>Runs the rounds; returns the process's exit code (2, with a message, for arguments it cannot take).</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 3 || args[1] is not ("validate" or "security")
            || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) || rounds < 1)
        {
            Console.Error.WriteLine("Use --exponent validate|security ROUNDS: ROUNDS is at least 1.");
            return 2;
        }

        var operations = Factors
            .Select(f => ScalingEstate.Scale(f))
            .Select(e => args[1] == "validate" ? (Func<int>)e.Validate : e.CompileSecurityOfEveryNic)
            .ToArray();

        // Rounds that are not timed first: the JIT's tiers (left on, as BenchmarkDotNet leaves them, since the optimised
        // code of the last tier changes how much of an operation is waiting for memory) and the first collections.
        for (var r = 0; r < WarmUpRounds; r++)
        {
            foreach (var operation in operations)
            {
                TimeBatch(operation, 1);
            }
        }

        Console.WriteLine($"rounds start: {args[1]} at {string.Join('/', Factors.Select(f => f + "x"))}, {rounds} rounds");
        var (wall, cpu) = (new double[Factors.Length][], new double[Factors.Length][]);
        for (var s = 0; s < Factors.Length; s++)
        {
            (wall[s], cpu[s]) = (new double[rounds], new double[rounds]);
        }

        for (var r = 0; r < rounds; r++)
        {
            for (var s = 0; s < Factors.Length; s++)
            {
                (wall[s][r], cpu[s][r]) = TimeBatch(operations[s], Factors[^1] / Factors[s]);
            }
        }

        Console.WriteLine(Report(wall, cpu));
        return 0;
    }

    /// <summary>
    /// The milliseconds <paramref name="count"/> operations take, after a full collection and one operation that warms
    /// the caches: on the wall clock, and in the CPU time of the whole process (the collector's threads included).
    /// </summary>
    private static (double Wall, double Cpu) TimeBatch(Func<int> operation, int count)
    {
        GC.Collect();
        operation();
        var (start, cpu) = (Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);
        for (var i = 0; i < count; i++)
        {
            operation();
        }

        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    private static string Report(double[][] wall, double[][] cpu)
    {
        var last = Factors.Length - 1;
        var lines = new List<string>();
        for (var s = 0; s < Factors.Length; s++)
        {
            var perOperation = PerOperation(wall, s);
            lines.Add(Invariant($"{Factors[s],2}x per operation: {Describe(perOperation)}"));
        }

        var byRound = Exponents(wall, 0, last);
        lines.Add(Invariant($"exponent 1x-16x by round: median {Median(byRound):F3}, quartiles {Quartiles(byRound, "F3")}"));
        lines.Add(Invariant($"exponent 1x-4x by round: median {Median(Exponents(wall, 0, 1)):F3}; 4x-16x: median {Median(Exponents(wall, 1, last)):F3}"));
        var (ofMedians, ofLeast) = (Exponent(Median(wall[0]), Median(wall[last]), Factors[last] / Factors[0]),
            Exponent(wall[0].Min(), wall[last].Min(), Factors[last] / Factors[0]));
        lines.Add(Invariant($"exponent of the medians: {ofMedians:F3}; of the least times: {ofLeast:F3}"));

        // CPU time leaves out the time the process waited for a core, which the wall clock of a 16x operation (tens of
        // milliseconds, several of the scheduler's slices) collects more of than a 1x one when other work runs.
        var byRoundCpu = Exponents(cpu, 0, last);
        var (cpuOneX, cpuLast) = (Median(PerOperation(cpu, 0)), Median(PerOperation(cpu, last)));
        lines.Add(Invariant($"CPU time per operation: 1x median {cpuOneX:F2} ms, 16x median {cpuLast:F2} ms; exponent by round: median {Median(byRoundCpu):F3}, quartiles {Quartiles(byRoundCpu, "F3")}"));

        // Load from outside takes 1x's data out of the shared cache (16x does not fit there anyway), so a run through a
        // burst of it reads low; such runs showed a 1x median 1.5-2.1 times the least time, calm ones 1.1-1.4 (session 13).
        var oneX = wall[0];
        if (Median(oneX) > BurstRatio * oneX.Min())
        {
            lines.Add(Invariant($"burst of load: the 1x median is {Median(oneX) / oneX.Min():F1} times the least time (calm runs stay under {BurstRatio:F1}), so this exponent reads low; run again"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The time of one operation at the size at <paramref name="size"/>, in each round.</summary>
    private static double[] PerOperation(double[][] batches, int size) =>
        batches[size].Select(t => t * Factors[size] / Factors[^1]).ToArray();

    /// <summary>Each round's exponent between the sizes at <paramref name="smaller"/> and <paramref name="larger"/>, whose batches did equal volumes.</summary>
    private static double[] Exponents(double[][] batches, int smaller, int larger) =>
        batches[smaller].Zip(batches[larger], (s, l) => Exponent(s, l, Factors[larger] / Factors[smaller])).ToArray();

    /// <summary>
    /// The exponent k in time ∝ size^k, from the times of two batches that each did the same volume of estate, sizes
    /// <paramref name="ratio"/> apart: the larger batch took <c>ratio^(k - 1)</c> times as long.
    /// </summary>
    private static double Exponent(double smaller, double larger, int ratio) => 1 + Math.Log(larger / smaller) / Math.Log(ratio);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
