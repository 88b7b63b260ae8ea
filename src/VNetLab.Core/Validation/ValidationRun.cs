using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// One <see cref="Validator"/> run over a snapshot: the diagnostics <see cref="Validator.Validate"/> gives, plus
/// each rule's own findings (by subject for scoped rules), so a later snapshot can be revalidated by re-running only
/// the rules, and the subjects, that a change reaches (<see cref="Apply"/>).
/// </summary>
public sealed class ValidationRun
{
    internal ValidationRun(Validator validator, Estate estate, ImmutableArray<RuleFindings> byRule, ImmutableArray<Diagnostic> diagnostics)
    {
        Validator = validator;
        Estate = estate;
        ByRule = byRule;
        Diagnostics = diagnostics;
    }

    public Validator Validator { get; }

    /// <summary>The snapshot validated.</summary>
    public Estate Estate { get; }

    /// <summary>Every diagnostic, deduplicated and in <see cref="DiagnosticOrder"/>: what <see cref="Validator.Validate"/> returns.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Each rule's findings, in the order of <see cref="Validator.Rules"/>.</summary>
    internal ImmutableArray<RuleFindings> ByRule { get; }

    /// <summary>The validation of a later snapshot, equal to validating it afresh (<see cref="Validator.Revalidate"/>).</summary>
    public ValidationRun Apply(Estate after) => Validator.Revalidate(this, after);
}
