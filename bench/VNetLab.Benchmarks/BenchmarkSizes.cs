namespace VNetLab.Benchmarks;

/// <summary>
/// Which preset estates the size-parameterised benchmarks run on. All three by default; <c>--sizes small,medium</c>
/// on the command line (read by Program before BenchmarkDotNet sees the arguments) narrows them, since the large
/// estate needs minutes and gigabytes a shared machine may not have. BenchmarkDotNet evaluates parameter
/// sources in the host process, so the choice reaches every child process.
/// </summary>
public static class BenchmarkSizes
{
    public static IReadOnlyList<string> All { get; } = ["small", "medium", "large"];

    public static IReadOnlyList<string> Selected { get; set; } = All;

    /// <summary>Takes <c>--sizes a,b</c> out of the arguments; returns the rest for BenchmarkDotNet.</summary>
    public static string[] Apply(string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--sizes" && i + 1 < args.Length)
            {
                var sizes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var unknown = sizes.Except(All, StringComparer.Ordinal).ToList();
                if (unknown.Count > 0)
                {
                    throw new ArgumentException($"Unknown size(s) {string.Join(", ", unknown)}; use {string.Join(", ", All)}.", nameof(args));
                }

                Selected = sizes;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return [.. rest];
    }
}
