using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>The shape of a rule checked one <typeparamref name="TSubject"/> at a time, with the whole-estate run derived from it.</summary>
internal abstract class ScopedValidationRule<TSubject> : IScopedValidationRule where TSubject : Resource
{
    public abstract ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    public abstract ValidationReads Reads { get; }

    public IEnumerable<Diagnostic> Validate(Estate estate) =>
        ValidationSubjects.Of(estate, typeof(TSubject)).SelectMany(s => Validate(estate, (TSubject)s)).Concat(ValidateEstateWide(estate));

    public IEnumerable<Diagnostic> Validate(Estate estate, Resource subject) => subject is TSubject typed ? Validate(estate, typed) : [];

    public virtual IEnumerable<Diagnostic> ValidateEstateWide(Estate estate) => [];

    protected abstract IEnumerable<Diagnostic> Validate(Estate estate, TSubject subject);
}
