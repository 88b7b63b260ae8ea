using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// One check Azure makes (or documents) on a network, run over a whole <see cref="Estate"/>. A rule reads
/// the model only, yields every problem it finds as catalogue diagnostics, and never throws for user input.
/// </summary>
public interface IValidationRule
{
    /// <summary>The catalogue entries this rule can raise; a rule raises nothing else.</summary>
    ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>What the rule reads; a revalidation reuses its findings when nothing it reads changed.</summary>
    ValidationReads Reads { get; }

    IEnumerable<Diagnostic> Validate(Estate estate);
}
