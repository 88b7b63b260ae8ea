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

    public ImmutableArray<Diagnostic> Validate(Estate estate)
    {
        var seen = new HashSet<(string Code, ResourceId? Resource, string Message)>();
        var result = new List<Diagnostic>();
        foreach (var rule in Rules)
        {
            foreach (var diagnostic in rule.Validate(estate))
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
