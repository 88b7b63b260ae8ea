using System.Collections.Immutable;
using VNetLab.Diagnostics;

namespace VNetLab.Analysis.Policies;

/// <summary>
/// The verdict on one assertion, over every packet class it covers: how many classes were checked and failed, the
/// first counterexample, every route and rule that decided a failing class, and the notes the traces rest on.
/// </summary>
public sealed record AssertionResult(
    PolicyAssertion Assertion,
    bool Passed,
    int ClassesChecked,
    int ClassesFailed,
    string? Reason,
    Counterexample? Counterexample,
    ImmutableArray<PolicyBlocker> Blockers,
    ImmutableArray<Diagnostic> Notes)
{
    /// <summary>The VNL8002 finding for a failed assertion.</summary>
    public Diagnostic? Finding => Passed ? null : DiagnosticCatalog.PolicyAssertionFailed(Assertion.Name, Reason ?? "it fails");
}
