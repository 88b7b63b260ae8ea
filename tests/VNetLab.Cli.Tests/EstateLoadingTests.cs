using VNetLab.Arm.Contracts;
using VNetLab.Arm.Import;
using VNetLab.Routing;
using VNetLab.Testing;

namespace VNetLab.Cli.Tests;

/// <summary>
/// The collection of the import's garbage (<see cref="EstateLoading"/>) runs only on large estates, so these tests
/// force it on the examples and check that it changes nothing a command can see.
/// </summary>
public sealed class EstateLoadingTests
{
    public static TheoryData<string> Examples() => new("000-two-hub-final", "000-vpn-gateway-in-hub", "001-hub-and-peering");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Collecting_the_import_garbage_keeps_the_estate_its_diagnostics_and_every_subnets_routes(string example)
    {
        string[] paths = [Path.Combine(RepositoryPaths.Example(example), "estate")];
        var plainErrors = new StringWriter();
        var plain = EstateLoading.Load(new CliContext(new StringWriter(), plainErrors), paths, long.MaxValue);
        var collectedErrors = new StringWriter();
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        var collected = EstateLoading.Load(new CliContext(new StringWriter(), collectedErrors), paths, collectImportGarbageAboveBytes: 0);

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections, "a threshold of 0 collects after every import");
        Assert.NotNull(plain);
        Assert.NotNull(collected);
        Assert.Equal(plainErrors.ToString(), collectedErrors.ToString());
        Assert.Equal(plain.Diagnostics.Select(d => (d.Code, d.Message)), collected.Diagnostics.Select(d => (d.Code, d.Message)));
        Assert.Equal(plain.Files.ToArray(), collected.Files.ToArray());
        Assert.Equal(plain.Estate.Count, collected.Estate.Count);
        Assert.Equal(AllRoutes(plain), AllRoutes(collected));
    }

    [Fact]
    public void An_estate_with_input_errors_is_not_handed_on_even_when_its_garbage_would_be_collected()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vnetlab-loading-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "[ { \"type\": ");
        try
        {
            var errors = new StringWriter();

            var result = EstateLoading.Load(new CliContext(new StringWriter(), errors), [file], collectImportGarbageAboveBytes: 0);

            Assert.Null(result);
            Assert.Contains("VNL0", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Every subnet's table as routes --all prints it.
    private static List<string> AllRoutes(ImportResult import) =>
        [.. RoutingCompiler.Compile(import.Estate, new RoutingOptions()).Subnets.Select(s =>
            s.SubnetId.Value + " " + JsonLines.Serialize(EffectiveRouteListResult.From(s.Table.GetRoutes(), s.Notes, explain: false)))];
}
