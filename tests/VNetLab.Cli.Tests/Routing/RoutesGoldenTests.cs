using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Routing;

/// <summary>
/// Golden files of <c>routes</c> and <c>next-hop</c> on the seed examples (STYLE.md 6.6): the whole output, so that
/// any change in rows, order, notes or wording shows up in review. VNETLAB_UPDATE_GOLDEN=1 rewrites them.
/// </summary>
public sealed class RoutesGoldenTests
{
    public static TheoryData<string, string, string[]> Cases() => new()
    {
        { "vpn-gateway-in-hub.vdi.txt", "000-vpn-gateway-in-hub", ["routes", "--nic", "vdi-w10-001-nic01"] },
        { "vpn-gateway-in-hub.derog.explain.txt", "000-vpn-gateway-in-hub", ["routes", "--nic", "derog001-vm01-nic01", "--explain"] },
        { "vpn-gateway-in-hub.vdi.json", "000-vpn-gateway-in-hub", ["routes", "--nic", "vdi-w10-001-nic01", "--format", "json"] },
        { "vpn-gateway-in-hub.gateway-subnet.txt", "000-vpn-gateway-in-hub", ["routes", "--subnet", "hub-vnet001/GatewaySubnet"] },
        { "vpn-gateway-in-hub.next-hop-internet.json", "000-vpn-gateway-in-hub",
            ["next-hop", "--nic", "vdi-w10-001-nic01", "--destination-ip", "93.184.216.34", "--format", "json"] },
        { "vpn-gateway-in-hub.next-hop-onprem.txt", "000-vpn-gateway-in-hub",
            ["next-hop", "--nic", "vdi-w10-001-nic01", "--destination-ip", "10.1.2.3"] },
        { "two-hub-final.vdi.txt", "000-two-hub-final", ["routes", "--nic", "vdi-w10-001-nic01"] },
        { "two-hub-final.app.txt", "000-two-hub-final", ["routes", "--nic", "app001-vm01-nic01"] },
        { "two-hub-final.all.jsonl", "000-two-hub-final", ["routes", "--all"] },
        { "vpn-in-vdi-vnet-no-remote-gateways.vdi.txt", "000-vpn-in-vdi-vnet-no-remote-gateways", ["routes", "--nic", "vdi-w10-001-nic01"] },
        { "hub-and-peering.app.txt", "001-hub-and-peering", ["routes", "--nic", "app01-nic01"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_file(string golden, string example, string[] command)
    {
        string[] args = [command[0], Path.Combine(RepositoryPaths.Example(example), "estate"), .. command[1..]];
        var result = CliRunner.Run(args);
        var actual = $"$ vnetlab {string.Join(' ', command)}  # examples/{example}/estate\nexit {result.ExitCode}\n"
            + $"--- stdout\n{result.Stdout}--- stderr\n{result.Stderr}";
        Golden.AssertMatches(Path.Combine(RepositoryPaths.Root, "tests", "VNetLab.Cli.Tests", "Routing", "expected", golden), actual);
    }
}
