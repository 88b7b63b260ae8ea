using System.Text.RegularExpressions;
using VNetLab.Diagnostics;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Catalogue;

/// <summary>
/// Every validation code fires on an estate built to trigger it and stays quiet on a look-alike (issue #3:
/// done when). Each case rests on the fact its descriptor names; the fact is part of the test's name.
/// </summary>
public sealed partial class ValidationCaseTests
{
    public static TheoryData<string, string> CodesWithFacts()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in ValidationCases.ByCode.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(code, Descriptor(code).Fact);
        }

        return data;
    }

    [Theory]
    [Trait("fact", "constraints.md (the row each descriptor names)")]
    [MemberData(nameof(CodesWithFacts))]
    public void Code_Fires(string code, string fact)
    {
        var @case = ValidationCases.ByCode[code];
        var diagnostics = @case.Validator.Validate(@case.Fires(Validation.EstateBuilder.Baseline()).Build());
        var fired = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(fired.Count > 0, $"{code} ({fact}) did not fire; got: {string.Join("; ", diagnostics.Select(d => d.Code))}");
        if (@case.Message is { } message)
        {
            Assert.Contains(message, fired.Select(d => d.Message));
        }
    }

    [Theory]
    [Trait("fact", "constraints.md (the row each descriptor names)")]
    [MemberData(nameof(CodesWithFacts))]
    public void Code_StaysQuietOnTheLookAlike(string code, string fact)
    {
        var @case = ValidationCases.ByCode[code];
        var diagnostics = @case.Validator.Validate(@case.Quiet(Validation.EstateBuilder.Baseline()).Build());
        Assert.True(diagnostics.All(d => d.Code != code), $"{code} ({fact}) fired on the look-alike: "
            + string.Join("; ", diagnostics.Where(d => d.Code == code).Select(d => d.Message)));
    }

    [Fact]
    public void EveryValidationCode_HasACase_AndEveryCaseAValidationCode()
    {
        var validationCodes = DiagnosticCatalog.All.Where(d => CatalogueTests.IsValidationCode(d.Code)).Select(d => d.Code).ToHashSet();
        Assert.True(validationCodes.Count > 100, "the reflection over the catalogue found too few validation codes");
        Assert.Empty(validationCodes.Except(ValidationCases.ByCode.Keys).Order());
        Assert.Empty(ValidationCases.ByCode.Keys.Except(validationCodes).Order());
    }

    [Fact]
    public void FiredDiagnostics_HaveEveryPlaceholderFilled()
    {
        foreach (var @case in ValidationCases.ByCode.Values)
        {
            foreach (var diagnostic in @case.Validator.Validate(@case.Fires(Validation.EstateBuilder.Baseline()).Build()))
            {
                Assert.False(Placeholder().IsMatch(diagnostic.Message), $"{diagnostic.Code} message: {diagnostic.Message}");
                Assert.False(Placeholder().IsMatch(diagnostic.Fix), $"{diagnostic.Code} fix: {diagnostic.Fix}");
            }
        }
    }

    [Fact]
    public void EveryRule_RaisesOnlyTheCodesItDeclares()
    {
        var estates = ValidationCases.ByCode.Values.Select(c => c.Fires(Validation.EstateBuilder.Baseline()).Build()).ToList();
        foreach (var rule in Validator.Default.Rules)
        {
            var declared = rule.Descriptors.Select(d => d.Code).ToHashSet();
            var raised = estates.SelectMany(rule.Validate).Select(d => d.Code).Distinct();
            Assert.Empty(raised.Except(declared));
        }
    }

    private static DiagnosticDescriptor Descriptor(string code) => DiagnosticCatalog.Find(code) ?? throw new InvalidOperationException(code);

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex Placeholder();
}
