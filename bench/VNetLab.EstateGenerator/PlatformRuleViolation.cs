using System.Collections.Immutable;

namespace VNetLab.EstateGenerator;

/// <summary>
/// A platform rule the generated estate breaks on purpose, so that validation has something real to find
/// in an estate of any size: the constraints.md row, Azure's error code (null where none was captured),
/// the resource Azure would refuse, the resources involved with it, and Azure's message for it.
/// </summary>
public sealed record PlatformRuleViolation(
    string Constraint,
    string? AzureCode,
    string ResourceId,
    ImmutableArray<string> RelatedResourceIds,
    string Message,
    string Description);
