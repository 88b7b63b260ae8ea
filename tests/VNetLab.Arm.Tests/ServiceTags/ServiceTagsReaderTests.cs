using VNetLab.Addressing;
using VNetLab.Arm.ServiceTags;
using VNetLab.Testing;

namespace VNetLab.Arm.Tests.ServiceTags;

public sealed class ServiceTagsReaderTests
{
    [Fact]
    [Trait("fact", "semantics.md 4.5")]
    public void Reads_Azure_service_tags_format_by_name_and_keeps_the_built_in_tags()
    {
        var result = ServiceTagsReader.Parse("""
            { "changeNumber": 342, "cloud": "Public", "values": [
              { "name": "Storage.WestEurope", "id": "Storage.WestEurope",
                "properties": { "changeNumber": 17, "region": "westeurope", "platform": "Azure", "systemService": "AzureStorage",
                  "addressPrefixes": [ "20.60.0.0/19", "2603:1020:201::/48" ], "networkFeatures": [ "API", "NSG" ] } } ] }
            """, "ServiceTags_Public_20261116.json");

        Assert.False(result.HasErrors);
        var tags = Assert.IsType<VNetLab.Security.ServiceTagSet>(result.Tags);
        Assert.True(tags.TryGet("storage.westeurope", out var storage));
        Assert.Equal(["20.60.0.0/19", "2603:1020:201::/48"], storage.AddressPrefixes.Select(p => p.ToString()));
        Assert.True(result.Tags?.Contains("Internet"));
        Assert.True(result.Tags?.Contains("AzureLoadBalancer"));
        Assert.Equal("ServiceTags_Public_20261116.json change 342", result.Tags?.Source);
    }

    [Fact]
    public void The_shipped_sample_reads_cleanly()
    {
        var result = ServiceTagsReader.Read(Path.Combine(RepositoryPaths.Examples, "service-tags", "ServiceTags_Public.sample.json"));

        Assert.Empty(result.Diagnostics);
        var tags = Assert.IsType<VNetLab.Security.ServiceTagSet>(result.Tags);
        Assert.True(tags.TryGet("Storage", out var storage));
        Assert.True(storage.Addresses.Contains(IpAddress.Parse("20.60.1.1")));
    }

    [Theory]
    [InlineData("{ \"values\": [", "VNL0001")]
    [InlineData("[ 1, 2 ]", "VNL0014")]
    [InlineData("{ \"values\": [ { \"properties\": { \"addressPrefixes\": [] } } ] }", "VNL0007")]
    [InlineData("{ \"values\": [ { \"name\": \"X\", \"properties\": { \"addressPrefixes\": [ \"10.0.0.0/33\" ] } } ] }", "VNL0004")]
    public void A_broken_file_is_reported_with_the_input_codes(string text, string code)
    {
        var result = ServiceTagsReader.Parse(text, "tags.json");

        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Location?.File == "tags.json");
    }

    [Fact]
    public void A_missing_file_is_reported_not_thrown()
    {
        var result = ServiceTagsReader.Read(Path.Combine(Path.GetTempPath(), "no-such-service-tags-" + Guid.NewGuid().ToString("N") + ".json"));

        Assert.True(result.HasErrors);
        Assert.Equal("VNL0003", Assert.Single(result.Diagnostics).Code);
    }
}
