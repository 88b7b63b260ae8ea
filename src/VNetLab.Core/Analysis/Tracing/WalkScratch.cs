using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// The working collections of one walk, reused by the next walk on the same thread. The reach matrix runs millions of
/// brief walks, and growing four collections afresh for each was about a tenth of what its rows allocated; a walk
/// copies what it keeps into its <see cref="Trace"/>, so nothing it hands out refers to these.
/// </summary>
internal sealed class WalkScratch
{
    // One spare per thread. Walks never nest (each runs to its end before the next starts), and a walk that ends by
    // an exception simply does not give its scratch back: the next one takes a fresh one.
    [ThreadStatic]
    private static WalkScratch? t_spare;

    private WalkScratch()
    {
    }

    public List<Hop> Hops { get; } = new(8);

    public List<Step> Steps { get; } = new(8);

    public List<Diagnostic> Notes { get; } = [];

    public HashSet<ResourceId> RoutedAt { get; } = [];

    /// <summary>The thread's spare, empty, or a new one when it is taken.</summary>
    public static WalkScratch Take()
    {
        var scratch = t_spare ?? new WalkScratch();
        t_spare = null;
        return scratch;
    }

    /// <summary>Empties the collections (so they hold on to no hop or note) and keeps them as the thread's spare.</summary>
    public static void Return(WalkScratch scratch)
    {
        scratch.Hops.Clear();
        scratch.Steps.Clear();
        scratch.Notes.Clear();
        scratch.RoutedAt.Clear();
        t_spare = scratch;
    }
}
