using VNetLab.Analysis.Diff;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Tracing;
using VNetLab.Diagnostics;

namespace VNetLab.Cli.Rendering;

/// <summary>Traces, reach matrices, policy verdicts and diffs for people: one line per decision, plain text.</summary>
internal static class AnalysisTextRenderer
{
    public static void WriteTraceResult(TextWriter writer, TraceResult result)
    {
        writer.WriteLine("forward:");
        WriteTrace(writer, result.Forward, "  ");
        if (result.Return is { } reply)
        {
            writer.WriteLine("return:");
            WriteTrace(writer, reply, "  ");
        }
        else
        {
            writer.WriteLine(result.Forward.Disposition == FlowDisposition.ExitedToInternet
                ? "return: through the same Internet egress (SNAT keeps the reply on the request's path)"
                : "return: none (the request did not get through)");
        }

        foreach (var reason in result.AsymmetryReasons)
        {
            writer.WriteLine("asymmetric: " + reason);
        }

        // One list for both directions: the same assumption usually holds both ways.
        WriteNotes(writer, [.. result.Forward.Notes, .. result.Return?.Notes ?? []], string.Empty);
    }

    private static void WriteNotes(TextWriter writer, IEnumerable<Diagnostic> notes, string indent)
    {
        foreach (var note in notes.DistinctBy(n => (n.Code, n.Message)).OrderBy(n => n.Code, StringComparer.Ordinal))
        {
            writer.WriteLine($"{indent}note {note.Code}: {note.Message}");
        }
    }

    public static void WriteTrace(TextWriter writer, Trace trace, string indent, bool withNotes = false)
    {
        writer.WriteLine($"{indent}{trace.Packet}  =>  {trace.Disposition}");
        var number = 1;
        foreach (var hop in trace.Hops)
        {
            writer.WriteLine($"{indent}{number++}. {hop.Kind} {hop.Name}");
            foreach (var step in hop.Steps)
            {
                writer.WriteLine($"{indent}     {step.Describe()}");
            }
        }

        if (withNotes)
        {
            WriteNotes(writer, trace.Notes, indent);
        }
    }

    public static void WriteVerify(TextWriter writer, PolicyResult result)
    {
        foreach (var r in result.Results)
        {
            writer.WriteLine($"{(r.Passed ? "PASS" : "FAIL")}  {r.Assertion.Name}  ({r.ClassesChecked} packet classes checked)");
            if (r.Passed)
            {
                continue;
            }

            writer.WriteLine("  " + r.Reason);
            if (r.Counterexample is { } c)
            {
                writer.WriteLine($"  counterexample: {c.Class.Representative} from {c.Source.Endpoint.Name} to {c.Destination.Label} (stands for {c.Class})");
                WriteTrace(writer, c.Trace, "    ", withNotes: true);
            }

            if (!r.Blockers.IsEmpty)
            {
                writer.WriteLine("  to change (any one of these decided a failing packet):");
                foreach (var blocker in r.Blockers)
                {
                    writer.WriteLine("    - " + blocker);
                }
            }
        }

        var failed = result.Results.Count(r => !r.Passed);
        writer.WriteLine(failed == 0 ? $"{result.Results.Length} assertion(s) hold." : $"{failed} of {result.Results.Length} assertion(s) fail.");
    }

    public static void WriteDiff(TextWriter writer, EstateDiffResult diff)
    {
        if (diff.IsEmpty)
        {
            writer.WriteLine("No change in diagnostics, effective routes or reachability.");
            return;
        }

        Section(writer, "diagnostics", diff.Diagnostics, k => $"{k.Code} {Name(k.ResourceId)}");
        Section(writer, "effective routes", diff.Routes, k => $"{Name(k.SubnetId)} {k.AddressPrefix} {k.Source}");
        Section(writer, "reachability", diff.Reachability, k => $"{k.Source} -> {k.Destination}");
    }

    private static void Section<TKey>(TextWriter writer, string title, IReadOnlyCollection<RowChange<TKey, string>> changes, Func<TKey, string> key)
    {
        if (changes.Count == 0)
        {
            return;
        }

        writer.WriteLine($"{title}:");
        foreach (var change in changes)
        {
            var text = change.Kind switch
            {
                RowChangeKind.Added => $"  + {key(change.Key)}: {change.After}",
                RowChangeKind.Removed => $"  - {key(change.Key)}: {change.Before}",
                _ => $"  ~ {key(change.Key)}: {change.Before}  =>  {change.After}",
            };
            writer.WriteLine(text);
        }
    }

    /// <summary>A subnet id as <c>VNET/SUBNET</c>, any other id as its name.</summary>
    private static string Name(string id)
    {
        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 10 && parts[^2].Equals("subnets", StringComparison.OrdinalIgnoreCase) ? parts[^3] + "/" + parts[^1]
            : parts.Length > 0 ? parts[^1] : id;
    }
}
