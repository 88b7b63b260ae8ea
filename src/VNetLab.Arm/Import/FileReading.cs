using System.Text.Json;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>
/// What reading one file produced, kept in the order it happened: its diagnostics and its resources (with the
/// digest of each one's JSON). Files are read in parallel and replayed into the collector in input order, so
/// diagnostics, duplicate checks and the estate's order are those of reading the files one after another.
/// </summary>
internal sealed class FileReading(ImportPool pool)
{
    private readonly List<(int DiagnosticsBefore, Resource Resource, JsonDigest Json)> _resources = [];

    /// <summary>Where this file's diagnostics go until they are replayed.</summary>
    public DiagnosticSink Sink { get; } = new(pool);

    public void Add(Resource resource, JsonElement element) => _resources.Add((Sink.Count, resource, JsonDigest.Of(element)));

    public void ReplayInto(DiagnosticSink sink, ResourceCollector collector)
    {
        var replayed = 0;
        foreach (var (diagnosticsBefore, resource, json) in _resources)
        {
            for (; replayed < diagnosticsBefore; replayed++)
            {
                sink.Add(Sink[replayed]);
            }

            collector.Add(resource, json);
        }

        for (; replayed < Sink.Count; replayed++)
        {
            sink.Add(Sink[replayed]);
        }
    }
}
