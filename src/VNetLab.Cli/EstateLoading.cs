using System.Runtime;
using VNetLab.Arm.Import;
using VNetLab.Cli.Rendering;
using VNetLab.Diagnostics;

namespace VNetLab.Cli;

/// <summary>Reads the estate for a command and reports input problems on stderr.</summary>
internal static class EstateLoading
{
    /// <summary>
    /// The managed heap, garbage included, above which <see cref="LoadAndCollectImportGarbage"/> collects the import's garbage before
    /// handing the estate on. The medium preset (4,000 subnets) leaves about 90 MiB after import, the large one
    /// (50,000 subnets) 1.56 GiB of which 0.84 GiB is live: below this the garbage is too small to matter to the
    /// peak and the collection, which marks the whole live estate, is not worth its time.
    /// </summary>
    internal const long CollectImportGarbageAboveBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The import result, or null when an input error makes the estate unusable (the caller exits 2).
    /// Input warnings go to stderr so that stdout keeps only the answer.
    /// </summary>
    public static ImportResult? Load(CliContext context, IEnumerable<string> paths) => Load(context, paths, long.MaxValue);

    /// <summary>
    /// <see cref="Load(CliContext, IEnumerable{string})"/>, then the import's garbage collected when it is large
    /// (<see cref="CollectImportGarbage"/>). The routing commands use it: their peak is the estate and the compiled
    /// routing, which this keeps under 2 GB at the large preset. The other commands have not been measured with it
    /// (the reach matrix peaks at 5.9 GB for reasons of its own), so they load as before.
    /// </summary>
    public static ImportResult? LoadAndCollectImportGarbage(CliContext context, IEnumerable<string> paths) =>
        Load(context, paths, CollectImportGarbageAboveBytes);

    /// <summary><see cref="Load(CliContext, IEnumerable{string})"/> with the heap size above which the import's garbage is collected (tests pass 0).</summary>
    internal static ImportResult? Load(CliContext context, IEnumerable<string> paths, long collectImportGarbageAboveBytes)
    {
        var result = EstateReader.Read(paths);
        if (result.Diagnostics.Length > 0)
        {
            DiagnosticsTextRenderer.WritePlain(context.Error, result.Diagnostics);
        }

        if (result.HasErrors)
        {
            return null;
        }

        if (GC.GetTotalMemory(forceFullCollection: false) > collectImportGarbageAboveBytes)
        {
            CollectImportGarbage();
        }

        return result;
    }

    public static bool HasInputErrors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Code.StartsWith("VNL0", StringComparison.Ordinal));

    /// <summary>
    /// One blocking, compacting collection, at the one point where everything the import made and did not put in
    /// the estate is known dead: the files' parsed documents, the reader's pools and dictionaries, the builders of
    /// <c>Estate.Create</c>. Parsing ten thousand files promotes much of that to gen2 and no gen2 collection comes
    /// before the engines allocate on top of it, so without this the large estate's <c>routes --all</c> peaked at
    /// the estate (0.84 GiB), the import's dead 0.7 GiB and the compiled routing together (1.98 GiB resident);
    /// with it, the compile and the output reuse that space and the peak is the import's own (1.54 GiB). Compacting (the large-object heap too, once) rather
    /// than sweeping, so the estate ends up dense and the freed regions go back to the GC as whole regions.
    /// </summary>
    private static void CollectImportGarbage()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
