using System.Globalization;

namespace VNetLab.Benchmarks;

/// <summary>The order statistics <c>--loop</c> and <c>--exponent</c> report of a set of timings (or exponents).</summary>
internal static class TimeSpread
{
    /// <summary>The middle value: of an even count, the upper of the two middle ones.</summary>
    public static double Median(double[] values) => Sorted(values)[values.Length / 2];

    /// <summary>The lower and upper quartiles as <c>a-b</c>, in <paramref name="format"/>.</summary>
    public static string Quartiles(double[] values, string format = "F2")
    {
        var sorted = Sorted(values);
        return sorted[values.Length / 4].ToString(format, CultureInfo.InvariantCulture) + "-"
            + sorted[3 * values.Length / 4].ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Milliseconds as both modes print them: <c>median m ms, quartiles a-b ms, least l ms</c>.</summary>
    public static string Describe(double[] milliseconds) => string.Create(CultureInfo.InvariantCulture,
        $"median {Median(milliseconds):F2} ms, quartiles {Quartiles(milliseconds)} ms, least {milliseconds.Min():F2} ms");

    private static double[] Sorted(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted;
    }
}
