using System.Collections.Immutable;

namespace VNetLab.Analysis.Policies;

/// <summary>The verdicts on every assertion of a policy, in file order.</summary>
public sealed record PolicyResult(ImmutableArray<AssertionResult> Results)
{
    public bool Passed => Results.All(r => r.Passed);
}
