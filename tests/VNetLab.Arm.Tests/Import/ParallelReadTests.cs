using VNetLab.Arm.Import;
using VNetLab.Diagnostics;

namespace VNetLab.Arm.Tests.Import;

/// <summary>
/// Files are parsed in parallel but replayed in input order: the estate, the diagnostics and the duplicate
/// checks must be exactly those of reading the files one after another.
/// </summary>
public sealed class ParallelReadTests
{
    [Fact]
    public void ManyFiles_GiveTheirDiagnosticsAndResourcesInInputOrder()
    {
        using var files = new TempFiles();
        var paths = new List<string>();
        for (var i = 0; i < 48; i++)
        {
            // Every file has a bad prefix of its own; every third file redefines hub00 differently (a duplicate
            // that only the first-read definition may win); one file is malformed.
            var name = i % 3 == 2 ? "hub00" : $"hub{i:D2}";
            var json = i == 17
                ? "[ { \"type\": "
                : Fixtures.Vnet(prefix: $"10.{i}.0.0/33", subnetPrefix: $"10.{i}.1.0/24").Replace("/hub\"", $"/{name}\"", StringComparison.Ordinal);
            paths.Add(files.Write($"f{i:D2}.json", json));
        }

        var result = EstateReader.Read([files.Root]);

        var expectedRoots = paths.Select((_, i) => i).Where(i => i != 17 && i % 3 != 2).Select(i => $"hub{i:D2}");
        Assert.Equal(expectedRoots, result.Estate.VirtualNetworks.Select(v => v.Name));

        // Each file's diagnostics come right after the previous file's, in the order one file alone gives them.
        var expected = new List<Diagnostic>();
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            expected.AddRange(EstateReader.Read([path]).Diagnostics);
            if (i != 17 && i % 3 == 2)
            {
                var duplicate = Assert.Single(result.Diagnostics, d => d.Code == "VNL0008" && d.Location?.File == path);
                expected.Add(duplicate);
            }
        }

        Assert.Equal(Keys(expected), Keys(result.Diagnostics));
        Assert.Equal(Keys(result.Diagnostics), Keys(EstateReader.Read([files.Root]).Diagnostics));
    }

    [Fact]
    public void ManyNsgFiles_ReadInParallel_GiveEachFilesRulesAsReadAlone_AndShareTheirEqualValues()
    {
        using var files = new TempFiles();
        var paths = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            paths.Add(files.Write($"n{i:D2}.json", Fixtures.Nsg.Replace("nsg-app", $"nsg-{i:D2}", StringComparison.Ordinal)));
        }

        var result = EstateReader.Read([files.Root]);

        Assert.Equal(paths.Count, result.Estate.NetworkSecurityGroups.Length);
        for (var i = 0; i < paths.Count; i++)
        {
            var nsg = result.Estate.NetworkSecurityGroups[i];
            var alone = Assert.Single(EstateReader.Read([paths[i]]).Estate.NetworkSecurityGroups);
            Assert.Equal(alone.Id.Value, nsg.Id.Value);
            Assert.Equal(Rules(alone), Rules(nsg));
            Assert.Same(nsg.Id, nsg.SecurityRules[0].Id.Parent);
            Assert.Same(
                System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(result.Estate.NetworkSecurityGroups[0].SecurityRules[0].DestinationPortRanges),
                System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(nsg.SecurityRules[0].DestinationPortRanges));
        }
    }

    private static List<string> Rules(VNetLab.Model.NetworkSecurityGroup nsg) =>
        [.. nsg.SecurityRules.Concat(nsg.DefaultSecurityRules).Select(r => string.Join("|", r.Id.Value, r.Source, r.Protocol, r.Priority, r.Access,
            r.Direction, string.Join(",", r.SourcePortRanges), string.Join(",", r.DestinationPortRanges), string.Join(",", r.SourceAddressPrefixes),
            string.Join(",", r.DestinationAddressPrefixes)))];

    private static List<(string Code, string? File, string? JsonPath, string Message)> Keys(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => (d.Code, d.Location?.File, d.Location?.JsonPath, d.Message))];
}
