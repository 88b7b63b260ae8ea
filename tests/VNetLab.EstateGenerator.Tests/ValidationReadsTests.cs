using VNetLab.Arm.Import;
using VNetLab.Model;
using VNetLab.Testing;
using VNetLab.Validation;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// Each rule's declared reads (<see cref="IValidationRule.Reads"/>) cover what it really reads: the estate logs
/// every top-level type read while a rule runs (Debug builds, where tests run), on the tiny generated estate
/// and on every example, and a type read but not declared fails. A missing type would make a revalidation
/// reuse stale findings.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class ValidationReadsTests
{
    private readonly TinyEstateFixture _fixture;

    public ValidationReadsTests(TinyEstateFixture fixture) => _fixture = fixture;

    [Fact]
    public void The_estate_logs_reads_in_the_builds_tests_run()
    {
        var reads = EstateReadLog.Record(() => _ = _fixture.Estate.VirtualNetworks[0].Subnets.Length);

        Assert.Equal([typeof(VirtualNetwork)], reads);
    }

    [Fact]
    public void Every_rule_reads_only_the_types_it_declares()
    {
        var estates = Directory.GetDirectories(RepositoryPaths.Examples)
            .Select(d => Path.Combine(d, "estate"))
            .Where(Directory.Exists)
            .Select(d => EstateReader.Read([d]).Estate)
            .Prepend(_fixture.Estate)
            .ToList();
        var undeclared = new List<string>();
        foreach (var rule in Validator.Default.Rules)
        {
            var read = new HashSet<Type>();
            foreach (var estate in estates)
            {
                read.UnionWith(EstateReadLog.Record(() => _ = rule.Validate(estate).Count()));
                if (rule is IScopedValidationRule scoped && rule.Reads.Subject is { } subject)
                {
                    foreach (var resource in ValidationSubjects.Of(estate, subject))
                    {
                        read.UnionWith(EstateReadLog.Record(() => _ = scoped.Validate(new ValidationPass(estate), resource).Count()));
                    }
                }
            }

            undeclared.AddRange(read.Where(t => !rule.Reads.Types.Contains(t)).Select(t => $"{rule.GetType().Name} reads {t.Name}"));
        }

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_scoped_rule_divides_by_a_subject_type()
    {
        foreach (var rule in Validator.Default.Rules)
        {
            Assert.Equal(rule is IScopedValidationRule, rule.Reads.Scope != ValidationScope.Estate);
            Assert.Equal(rule.Reads.Scope != ValidationScope.Estate, rule.Reads.Subject is not null);
        }
    }
}
