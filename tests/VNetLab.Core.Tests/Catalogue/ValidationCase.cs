using VNetLab.Core.Tests.Validation;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Catalogue;

/// <summary>
/// One catalogue code with an estate where it fires and a look-alike where it stays quiet. Both start from
/// <see cref="EstateBuilder.Baseline"/> unless the case builds from scratch. <see cref="Message"/>, when
/// given, is the exact message expected on the diagnostic (Azure's text for VERIFIED rows).
/// </summary>
public sealed record ValidationCase(
    string Code,
    Func<EstateBuilder, EstateBuilder> Fires,
    Func<EstateBuilder, EstateBuilder> Quiet,
    string? Message = null,
    ValidationLimits? Limits = null)
{
    public Validator Validator => Limits is null ? Validator.Default : Validator.Create(Limits);

    public override string ToString() => Code;
}
