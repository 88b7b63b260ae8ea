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
        var pass = new ValidationPass(estate);
        ImmutableArray<RuleFindings> byRule = [.. Rules.Select(rule => RunRule(rule, pass))];
        return new ValidationRun(this, estate, byRule, Combine(byRule.Select(r => r.All.AsEnumerable())));
    }

    /// <summary>
    /// The validation of <paramref name="after"/>, equal to <c>Run(after)</c> (same diagnostics, same order): a rule
    /// none of whose read types (<see cref="IValidationRule.Reads"/>) changed keeps its findings; a scoped rule
    /// (<see cref="IScopedValidationRule"/>) re-runs only for the subjects the change reaches
    /// (<see cref="ChangeReach"/>) and keeps the others' findings; any other rule re-runs in full. When a top-level
    /// resource was added or removed, or the run came from another validator, every rule re-runs: existence checks
    /// (<c>Contains</c>, dangling references) can then change anywhere, and the subjects' order can move.
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

        var reach = new ChangeReach(before.Estate, after,
            [.. changes.SelectMany(c => c is { Before: { } was, After: { } now } ? [(c.Id, was, now)] : Array.Empty<(ResourceId, Resource, Resource)>())]);
        var pass = new ValidationPass(after);
        var positions = new Dictionary<Type, Dictionary<ResourceId, int>>();
        var byRule = ImmutableArray.CreateBuilder<RuleFindings>(Rules.Length);
        for (var i = 0; i < Rules.Length; i++)
        {
            var rule = Rules[i];
            var previous = before.ByRule[i];
            if (!rule.Reads.Types.Overlaps(reach.ChangedTypes))
            {
                byRule.Add(previous);
            }
            else if (rule is IScopedValidationRule scoped && rule.Reads.Subject is { } subject && reach.SubjectsToRevalidate(rule.Reads) is { } reached)
            {
                if (!positions.TryGetValue(subject, out var position))
                {
                    position = Positions(after, subject);
                    positions[subject] = position;
                }

                byRule.Add(Rerun(scoped, pass, previous, reached, position));
            }
            else
            {
                byRule.Add(RunRule(rule, pass));
            }
        }

        var result = byRule.MoveToImmutable();
        return new ValidationRun(this, after, result, Combine(result.Select(r => r.All.AsEnumerable())));
    }

    private static RuleFindings RunRule(IValidationRule rule, ValidationPass pass)
    {
        var estate = pass.Estate;
        if (rule is not IScopedValidationRule scoped || rule.Reads.Subject is not { } subject)
        {
            return RuleFindings.Unscoped(rule.Validate(estate));
        }

        var bySubject = ImmutableArray.CreateBuilder<(ResourceId, ImmutableArray<Diagnostic>)>();
        foreach (var resource in ValidationSubjects.Of(estate, subject))
        {
            ImmutableArray<Diagnostic> findings = [.. scoped.Validate(pass, resource)];
            if (!findings.IsEmpty)
            {
                bySubject.Add((resource.Id, findings));
            }
        }

        return RuleFindings.Scoped(bySubject.ToImmutable(), [.. scoped.ValidateEstateWide(estate)]);
    }

    /// <summary>
    /// Re-runs <paramref name="reached"/> subjects and merges their findings with the kept ones in the estate's order
    /// of subjects, so the rule's findings are in the order a full run yields them.
    /// </summary>
    private static RuleFindings Rerun(IScopedValidationRule rule, ValidationPass pass, RuleFindings previous, HashSet<ResourceId> reached,
        Dictionary<ResourceId, int> position)
    {
        var after = pass.Estate;
        var entries = new List<(int Position, ResourceId Subject, ImmutableArray<Diagnostic> Findings)>();
        foreach (var (subject, findings) in previous.BySubject)
        {
            if (!reached.Contains(subject) && position.TryGetValue(subject, out var at))
            {
                entries.Add((at, subject, findings));
            }
        }

        foreach (var id in reached)
        {
            if (position.TryGetValue(id, out var at) && after.Find<Resource>(id) is { } resource)
            {
                ImmutableArray<Diagnostic> findings = [.. rule.Validate(pass, resource)];
                if (!findings.IsEmpty)
                {
                    entries.Add((at, id, findings));
                }
            }
        }

        entries.Sort((x, y) => x.Position.CompareTo(y.Position));
        return RuleFindings.Scoped([.. entries.Select(e => (e.Subject, e.Findings))], [.. rule.ValidateEstateWide(after)]);
    }

    private static Dictionary<ResourceId, int> Positions(Estate estate, Type subject)
    {
        var subjects = ValidationSubjects.Of(estate, subject);
        var position = new Dictionary<ResourceId, int>(subjects.Length);
        for (var i = 0; i < subjects.Length; i++)
        {
            position.TryAdd(subjects[i].Id, i);
        }

        return position;
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
