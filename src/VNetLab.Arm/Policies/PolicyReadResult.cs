using System.Collections.Immutable;
using VNetLab.Analysis.Policies;

namespace VNetLab.Arm.Policies;

/// <summary>A policy read from YAML, or every error found in it (then <see cref="Policy"/> is null).</summary>
public sealed record PolicyReadResult(Policy? Policy, ImmutableArray<PolicyError> Errors);
