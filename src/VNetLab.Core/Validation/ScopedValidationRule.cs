using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// The shape of a rule checked one <typeparamref name="TSubject"/> at a time, with the whole-estate run derived from
/// it. A rule overrides one of the two per-subject methods: the one with a <see cref="ValidationPass"/> when it shares
/// work between subjects.
/// </summary>
internal abstract class ScopedValidationRule<TSubject> : IScopedValidationRule where TSubject : Resource
{
    public abstract ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    public abstract ValidationReads Reads { get; }

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var pass = new ValidationPass(estate);
        return ValidationSubjects.Of(estate, typeof(TSubject)).SelectMany(s => Validate(pass, (TSubject)s)).Concat(ValidateEstateWide(estate));
    }

    public IEnumerable<Diagnostic> Validate(ValidationPass pass, Resource subject) => subject is TSubject typed ? Validate(pass, typed) : [];

    public virtual IEnumerable<Diagnostic> ValidateEstateWide(Estate estate) => [];

    protected virtual IEnumerable<Diagnostic> Validate(ValidationPass pass, TSubject subject) => Validate(pass.Estate, subject);

    protected virtual IEnumerable<Diagnostic> Validate(Estate estate, TSubject subject) => [];
}
