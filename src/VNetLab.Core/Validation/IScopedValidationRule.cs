using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// A rule whose findings divide by subject (<see cref="ValidationReads.Subject"/>), so a revalidation re-runs it
/// only for the subjects a change reaches. <see cref="IValidationRule.Validate"/> yields exactly every subject's
/// findings in the estate's order of subjects, then <see cref="ValidateEstateWide"/>'s.
/// </summary>
internal interface IScopedValidationRule : IValidationRule
{
    /// <summary>The findings for one subject (a resource of the subject type in the pass's estate).</summary>
    IEnumerable<Diagnostic> Validate(ValidationPass pass, Resource subject);

    /// <summary>The findings that are not any one subject's (quotas over a subscription, say); re-run whenever a read type changes.</summary>
    IEnumerable<Diagnostic> ValidateEstateWide(Estate estate);
}
