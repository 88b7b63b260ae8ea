using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// Answers "will Azure accept this estate?": runs every validation rule over a snapshot and returns every
/// diagnostic, deduplicated and in <see cref="DiagnosticOrder"/>. Pure: the same estate always gives the
/// same list.
/// </summary>
public sealed class Validator
{
    public Validator(IEnumerable<IValidationRule> rules)
    {
        Rules = [.. rules];
    }

    /// <summary>Every rule, with Azure's documented limits.</summary>
    public static Validator Default { get; } = Create(ValidationLimits.Azure);

    /// <summary>Every rule, with the given limits (tests lower them to keep estates small).</summary>
    public static Validator Create(ValidationLimits limits) => new(ValidationRules.All(limits));

    public ImmutableArray<IValidationRule> Rules { get; }

    public ImmutableArray<Diagnostic> Validate(Estate estate) => Combine(Rules.Select(rule => rule.Validate(estate)));

    /// <summary>Validates a snapshot and keeps each rule's findings, so a later snapshot can be revalidated cheaply.</summary>
    public ValidationRun Run(Estate estate)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ImmutableArray<ImmutableArray<Diagnostic>> byRule = [.. Rules.Select(rule => rule.Validate(estate).ToImmutableArray())];
        return new ValidationRun(this, estate, byRule, Combine(byRule.Select(r => r.AsEnumerable())));
    }

    /// <summary>
    /// The validation of <paramref name="after"/>, equal to <c>Run(after)</c>, re-running only the rules that read
    /// a resource type that changed between the two snapshots (<see cref="ValidationRuleReads"/>) and reusing the
    /// other rules' findings. Every rule is estate-wide, so one that reads a changed type re-runs over the whole
    /// estate. When a top-level resource was added or removed, or the run came from another validator, every
    /// rule re-runs: existence checks (<c>Contains</c>, dangling references) can then change for any rule.
    /// </summary>
    public ValidationRun Revalidate(ValidationRun before, Estate after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (ReferenceEquals(before.Estate, after) && ReferenceEquals(before.Validator, this))
        {
            return before;
        }

        var changes = EstateChanges.Between(before.Estate, after);
        if (!ReferenceEquals(before.Validator, this) || changes.Any(c => c.Before is null || c.After is null))
        {
            return Run(after);
        }

        var changedTypes = changes.Select(c => (c.After ?? c.Before)?.GetType()).OfType<Type>().ToHashSet();
        var byRule = ImmutableArray.CreateBuilder<ImmutableArray<Diagnostic>>(Rules.Length);
        for (var i = 0; i < Rules.Length; i++)
        {
            var reads = ValidationRuleReads.Of(Rules[i]);
            byRule.Add(reads is not null && !reads.Overlaps(changedTypes) ? before.ByRule[i] : [.. Rules[i].Validate(after)]);
        }

        var result = byRule.MoveToImmutable();
        return new ValidationRun(this, after, result, Combine(result.Select(r => r.AsEnumerable())));
    }

    private static ImmutableArray<Diagnostic> Combine(IEnumerable<IEnumerable<Diagnostic>> byRule)
    {
        var seen = new HashSet<(string Code, ResourceId? Resource, string Message)>();
        var result = new List<Diagnostic>();
        foreach (var diagnostics in byRule)
        {
            foreach (var diagnostic in diagnostics)
            {
                if (seen.Add((diagnostic.Code, diagnostic.ResourceId, diagnostic.Message)))
                {
                    result.Add(diagnostic);
                }
            }
        }

        result.Sort(DiagnosticOrder.Instance);
        return [.. result];
    }
}
