using VNetLab.Model;

namespace VNetLab.Core.Tests.Model;

public sealed class NetworkInterfaceTests
{
    private static readonly ResourceId _nicId =
        ResourceId.Create("11111111-1111-1111-1111-111111111111", "rg", "Microsoft.Network", ["networkInterfaces"], ["nic"]);

    private static NetworkInterfaceIpConfiguration Configuration(string name, bool primary) =>
        new() { Id = _nicId.Child("ipConfigurations", name), Primary = primary };

    // ARM's networkInterfaces.ipConfigurations[].properties.primary: one configuration is primary; a NIC written without
    // the flag (a template with one configuration) has its first as primary.
    [Theory]
    [InlineData(new[] { false, true, true }, "ipconfig2")]
    [InlineData(new[] { true, false }, "ipconfig1")]
    [InlineData(new[] { false, false }, "ipconfig1")]
    [InlineData(new bool[0], null)]
    public void The_primary_configuration_is_the_first_flagged_primary_else_the_first(bool[] primary, string? expected)
    {
        var nic = new NetworkInterface
        {
            Id = _nicId,
            IpConfigurations = [.. primary.Select((p, i) => Configuration($"ipconfig{i + 1}", p))],
        };

        Assert.Equal(expected, nic.PrimaryIpConfiguration?.Id.Name);
    }
}
