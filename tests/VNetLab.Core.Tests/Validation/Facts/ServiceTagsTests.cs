using VNetLab.Validation.Facts;

namespace VNetLab.Core.Tests.Validation.Facts;

/// <summary>A regional service tag is known by its first part, looked up in place.</summary>
public sealed class ServiceTagsTests
{
    [Theory]
    [InlineData("Storage", true)]
    [InlineData("Storage.WestEurope", true)]
    [InlineData("storage.westeurope", true)]
    [InlineData(" Sql.EastUS ", true)]
    [InlineData("AzureFrontDoor.Frontend", true)]
    [InlineData("AzureFrontDoor.Frontend.x", true)]
    [InlineData("Storage.", true)]
    [InlineData(".Storage", false)]
    [InlineData("Storag.WestEurope", false)]
    [InlineData("NotATag", false)]
    public void IsKnown_TakesRegionalTagsByTheirFirstPart(string value, bool known) => Assert.Equal(known, ServiceTags.IsKnown(value));
}
