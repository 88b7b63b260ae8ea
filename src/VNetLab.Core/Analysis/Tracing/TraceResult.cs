using System.Collections.Immutable;
using VNetLab.Diagnostics;

namespace VNetLab.Analysis.Tracing;

/// <summary>
/// A packet traced both ways: the forward trace, the trace of its reply (null when the forward packet did not get
/// through, or exited to the Internet, whose reply comes back through the same SNAT by construction), and the
/// VNL8001 finding when the reply crosses different stateful devices or a different edge.
/// </summary>
public sealed record TraceResult(Trace Forward, Trace? Return, ImmutableArray<string> AsymmetryReasons, ImmutableArray<Diagnostic> Findings)
{
    public bool IsAsymmetric => !AsymmetryReasons.IsEmpty;
}
