using System.Reflection;
using System.Text.RegularExpressions;
using VNetLab.Diagnostics;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Catalogue;

/// <summary>
/// The catalogue's own invariants (STYLE.md 6.4): codes are unique and inside their family's range, and
/// every entry has what a user needs (a fix, the fact it rests on, a docs anchor). The reflection is
/// checked to find many descriptors, so a broken query cannot pass vacuously.
/// </summary>
public sealed partial class CatalogueTests
{
    /// <summary>Codes validation owns: VNL1xxx–VNL7xxx except the NSG audit's VNL61xx, and the notes VNL9200–VNL9299.</summary>
    public static bool IsValidationCode(string code)
    {
        var number = int.Parse(code.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
        return (number is >= 1000 and < 8000 && number is not (>= 6100 and < 6200)) || number is >= 9200 and < 9300;
    }

    private static List<(string Field, DiagnosticDescriptor Descriptor)> DescriptorFields() =>
        [.. typeof(DiagnosticCatalog.Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (f.Name, (DiagnosticDescriptor)(f.GetValue(null) ?? throw new InvalidOperationException(f.Name))))];

    [Fact]
    public void Reflection_FindsTheWholeCatalogue()
    {
        var fields = DescriptorFields();
        Assert.True(fields.Count > 130, $"only {fields.Count} descriptors found");
        Assert.Equal(fields.Count, DiagnosticCatalog.All.Length);
    }

    [Fact]
    public void Codes_AreUnique()
    {
        var duplicates = DescriptorFields().GroupBy(f => f.Descriptor.Code).Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(f => f.Field)));
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Codes_AreWellFormed_AndInAFamilyRange()
    {
        foreach (var (field, descriptor) in DescriptorFields())
        {
            Assert.True(CodePattern().IsMatch(descriptor.Code), $"{field}: {descriptor.Code}");

            // VNL8xxx is analysis's family (asymmetric paths, failed policy assertions): only its partial file may use it.
            Assert.True(descriptor.Code[3] != '8' || descriptor.Code.StartsWith("VNL80", StringComparison.Ordinal), $"{field}: {descriptor.Code}");
        }
    }

    [Fact]
    public void ValidationRules_RaiseOnlyValidationRangeCodes_AndClaimEveryValidationCode()
    {
        var claimed = Validator.Default.Rules.SelectMany(r => r.Descriptors).Select(d => d.Code).ToHashSet();
        Assert.All(claimed, code => Assert.True(IsValidationCode(code), code + " is outside validation's ranges"));
        var unclaimed = DiagnosticCatalog.All.Select(d => d.Code).Where(IsValidationCode).Where(c => !claimed.Contains(c));
        Assert.Empty(unclaimed);
    }

    [Fact]
    public void EveryDescriptor_HasTitleMessageFixFactAndAnchor()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.MessageTemplate), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.FixTemplate), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Fact), d.Code);
            Assert.Equal("docs/diagnostics.md#" + d.Code.ToLowerInvariant(), d.DocsAnchor);
        }
    }

    [Fact]
    [Trait("fact", "constraints.md: How to read this file (VERIFIED / INFERRED)")]
    public void ValidationErrors_InVNetLabsWords_SayAzuresTextIsUnknown()
    {
        var inOurWords = DiagnosticCatalog.All.Where(d => IsValidationCode(d.Code) && d.Severity == DiagnosticSeverity.Error && !d.IsAzureText);
        foreach (var d in inOurWords)
        {
            Assert.True(d.FixTemplate.Contains("not known", StringComparison.Ordinal) || d.FixTemplate.Contains("not captured", StringComparison.Ordinal)
                || d.FixTemplate.Contains("captured only in part", StringComparison.Ordinal), d.Code + ": " + d.FixTemplate);
        }
    }

    [Fact]
    public void EveryFact_NamesASharedFileRowOrALearnPage()
    {
        foreach (var d in DiagnosticCatalog.All.Where(d => IsValidationCode(d.Code)))
        {
            Assert.True(d.Fact.StartsWith("constraints.md", StringComparison.Ordinal) || d.Fact.StartsWith("semantics.md", StringComparison.Ordinal)
                || d.Fact.StartsWith("learn.microsoft.com", StringComparison.Ordinal), d.Code + ": " + d.Fact);
        }
    }

    [Fact]
    public void EveryRuleType_IsRegisteredInTheValidator()
    {
        var registered = Validator.Default.Rules.Select(r => r.GetType()).ToHashSet();
        var ruleTypes = typeof(Validator).Assembly.GetTypes()
            .Where(t => typeof(IValidationRule).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false });
        Assert.Empty(ruleTypes.Where(t => !registered.Contains(t)).Select(t => t.Name));
    }

    [GeneratedRegex(@"^VNL\d{4}$")]
    private static partial Regex CodePattern();
}
