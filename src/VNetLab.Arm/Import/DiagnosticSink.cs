using System.Collections.Immutable;
using VNetLab.Diagnostics;

namespace VNetLab.Arm.Import;

/// <summary>Collects import diagnostics; the importer never throws for user input.</summary>
internal sealed class DiagnosticSink
{
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public ImmutableArray<Diagnostic> ToImmutable() => _diagnostics.ToImmutable();
}
