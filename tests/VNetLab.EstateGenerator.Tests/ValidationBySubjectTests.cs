using VNetLab.Arm.Import;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Testing;
using VNetLab.Validation;
using VNetLab.Validation.Prefetch;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// <see cref="Validator.Validate"/> and <see cref="Validator.Run"/> visit each subject once for all its rules; every
/// rule must still give what it gives run alone over the whole estate, in the same order, and the combined list must be
/// what combining the rules one after the other gave.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class ValidationBySubjectTests
{
    private readonly TinyEstateFixture _fixture;

    public ValidationBySubjectTests(TinyEstateFixture fixture) => _fixture = fixture;

    [Fact]
    public void Validating_subject_by_subject_gives_what_each_rule_gives_alone()
    {
        var estates = Directory.GetDirectories(RepositoryPaths.Examples)
            .Select(d => Path.Combine(d, "estate"))
            .Where(Directory.Exists)
            .Select(d => EstateReader.Read([d]).Estate)
            .Prepend(_fixture.Estate)
            .Prepend(Broken(_fixture.Estate))
            .ToList();
        var validator = Validator.Default;
        var findings = 0;
        foreach (var estate in estates)
        {
            var alone = validator.Rules.Select(rule => rule.Validate(estate).Select(DiagnosticText.Of).ToList()).ToList();
            var run = validator.Run(estate);
            for (var i = 0; i < validator.Rules.Length; i++)
            {
                Assert.Equal(alone[i], run.ByRule[i].All.Select(DiagnosticText.Of));
            }

            var expected = RuleByRule(validator, estate).Select(DiagnosticText.Of).ToList();
            Assert.Equal(expected, validator.Validate(estate).Select(DiagnosticText.Of));
            Assert.Equal(expected, run.Diagnostics.Select(DiagnosticText.Of));
            findings += expected.Count;
        }

        // The estates must give the comparison something to compare.
        Assert.True(findings > 100, $"only {findings} findings");
    }

    /// <summary>
    /// The pass hints the memory system about the subjects ahead (<see cref="SubjectPrefetch"/>): a hint reads the model
    /// and changes nothing, so the findings with hints and without must be the same list.
    /// </summary>
    [Fact]
    public void Validating_with_memory_hints_finds_what_validating_without_them_finds()
    {
        List<Estate> estates = [Broken(_fixture.Estate), _fixture.Estate, .. RepositoryPaths.ExampleNames().Select(ExampleEstates.Read)];
        var with = estates.Select(e => Validator.Default.Validate(e).Select(DiagnosticText.Of).ToList()).ToList();
        List<List<string>> without;
        SubjectPrefetch.Enabled = false;
        try
        {
            without = [.. estates.Select(e => Validator.Default.Validate(e).Select(DiagnosticText.Of).ToList())];
        }
        finally
        {
            SubjectPrefetch.Enabled = true;
        }

        Assert.Equal(without, with);
        Assert.True(with.Sum(f => f.Count) > 100, $"only {with.Sum(f => f.Count)} findings");
    }

    // Every third custom rule of every NSG broken four ways, so that the NSG rules find something in many subjects.
    private static Estate Broken(Estate estate) =>
        estate.With(estate.NetworkSecurityGroups.Select(nsg => (Resource)(nsg with
        {
            SecurityRules =
            [
                .. nsg.SecurityRules.Select((rule, i) => i % 3 != 0 ? rule : rule with
                {
                    Protocol = "Http",
                    Priority = 50,
                    DestinationPortRanges = ["*", "80"],
                    SourceAddressPrefixes = ["10.0.0.0/8", "10.1.0.0/16", "Internet"],
                }),
            ],
        })));

    // What Validate did before it went subject by subject: each rule over the whole estate, one after the other.
    private static List<Diagnostic> RuleByRule(Validator validator, Estate estate)
    {
        var seen = new HashSet<(string, ResourceId?, string)>();
        var result = validator.Rules.SelectMany(rule => rule.Validate(estate)).Where(d => seen.Add((d.Code, d.ResourceId, d.Message))).ToList();
        result.Sort(DiagnosticOrder.Instance);
        return result;
    }
}
