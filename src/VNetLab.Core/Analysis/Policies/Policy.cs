using System.Collections.Immutable;

namespace VNetLab.Analysis.Policies;

/// <summary>A policy file: named assertions checked over the whole estate by <see cref="PolicyChecker"/>.</summary>
public sealed record Policy(ImmutableArray<PolicyAssertion> Assertions);
