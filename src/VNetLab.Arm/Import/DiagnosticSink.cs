using System.Collections.Immutable;
using VNetLab.Diagnostics;

namespace VNetLab.Arm.Import;

/// <summary>Collects import diagnostics; the importer never throws for user input.</summary>
internal sealed class DiagnosticSink(ImportPool pool)
{
    public DiagnosticSink()
        : this(new ImportPool())
    {
    }

    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

    /// <summary>The import's shared values; it travels with the sink because every reader already carries the sink.</summary>
    public ImportPool Pool => pool;

    public int Count => _diagnostics.Count;

    public Diagnostic this[int index] => _diagnostics[index];

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public ImmutableArray<Diagnostic> ToImmutable() => _diagnostics.ToImmutable();
}
