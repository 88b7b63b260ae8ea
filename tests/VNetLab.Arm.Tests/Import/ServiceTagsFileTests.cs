using VNetLab.Arm.Import;

namespace VNetLab.Arm.Tests.Import;

public sealed class ServiceTagsFileTests
{
    [Fact]
    public void Reads_the_download_centre_shape_by_tag_name_ignoring_case()
    {
        using var files = new TempFiles();
        var path = files.Write("tags.json", """
            { "changeNumber": 1, "cloud": "Public", "values": [
              { "name": "Storage.WestEurope", "id": "Storage.WestEurope",
                "properties": { "region": "westeurope", "addressPrefixes": [ "20.38.108.0/23", "2603:1020:200::/48" ] } },
              { "name": "AzureCloud", "properties": { "addressPrefixes": [] } } ] }
            """);

        Assert.True(ServiceTagsFile.TryRead(path, out var tags, out var error), error);
        Assert.Equal(["20.38.108.0/23", "2603:1020:200::/48"], tags["storage.westeurope"].Select(p => p.ToString()));
        Assert.Empty(tags["AzureCloud"]);
    }

    [Theory]
    [InlineData("""{ "value": [] }""", "$.values")]
    [InlineData("""{ "values": [ { "properties": {} } ] }""", "$.values[0].name")]
    [InlineData("""{ "values": [ { "name": "x", "properties": { "addressPrefixes": [ "10.0.0.0/8", "nope" ] } } ] }""", "$.values[0].properties.addressPrefixes[1]")]
    [InlineData("""{ "values": [ """, "cannot read")]
    public void A_bad_file_is_refused_naming_the_file_and_the_place(string content, string place)
    {
        using var files = new TempFiles();
        var path = files.Write("tags.json", content);

        Assert.False(ServiceTagsFile.TryRead(path, out _, out var error));
        Assert.StartsWith(path, error, StringComparison.Ordinal);
        Assert.Contains(place, error, StringComparison.Ordinal);
    }
}
