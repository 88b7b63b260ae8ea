using System.Text.Json;
using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Routing;

/// <summary>
/// The seed 000 stories through the CLI (issue #4, "Seed 000 in routes"): each asserts what the field report and
/// the example's README say Azure showed, on the JSON output.
/// </summary>
public sealed class RoutesScenarioTests
{
    private static string Estate(string example) => Path.Combine(RepositoryPaths.Example(example), "estate");

    private static List<JsonElement> Routes(params string[] args)
    {
        var result = CliRunner.Run(["routes", .. args, "--format", "json", "--explain"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        return [.. document.RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone())];
    }

    private static List<JsonElement> WithPrefix(IEnumerable<JsonElement> routes, string prefix) =>
        [.. routes.Where(r => r.GetProperty("addressPrefix").EnumerateArray().Any(p => p.GetString() == prefix))];

    private static string Text(JsonElement route, string field) => route.GetProperty(field).GetString() ?? string.Empty;

    private static string NextHops(JsonElement route) => string.Join(',', route.GetProperty("nextHopIpAddress").EnumerateArray().Select(a => a.GetString()));

    [Fact]
    [Trait("fact", "SEED 000 Solution #4; semantics.md 3.8 (transit spokes get the hub gateways' routes), 3.9, 3.10")]
    public void Solution4_tenant_subnet_tunnels_internet_traffic_and_keeps_on_premises_on_expressroute()
    {
        var routes = Routes(Estate("000-vpn-gateway-in-hub"), "--nic", "vdi-w10-001-nic01");

        foreach (var half in new[] { "0.0.0.0/1", "128.0.0.0/1" })
        {
            var route = Assert.Single(WithPrefix(routes, half));
            Assert.Equal(("VirtualNetworkGateway", "Active", "VirtualNetworkGateway", "20.103.17.86"),
                (Text(route, "source"), Text(route, "state"), Text(route, "nextHopType"), NextHops(route)));
            Assert.Contains("learned by VPNgw001", Text(route, "explanation"), StringComparison.Ordinal);
        }

        foreach (var onPremises in new[] { "10.0.0.0/12", "172.20.0.0/14", "192.168.0.0/16" })
        {
            var route = Assert.Single(WithPrefix(routes, onPremises));
            Assert.Equal(("VirtualNetworkGateway", "Active"), (Text(route, "source"), Text(route, "state")));
            Assert.Contains("learned by ERgw001", Text(route, "explanation"), StringComparison.Ordinal);
        }

        Assert.Equal("VNetPeering", Text(Assert.Single(WithPrefix(routes, "10.100.0.0/16")), "nextHopType"));
    }

    [Fact]
    [Trait("fact", "SEED 000 Solution #4 (route table override for subnets that must not use the tunnel); semantics.md 3.2")]
    public void Solution4_derogation_spoke_overrides_the_tunnel_with_user_routes_to_internet()
    {
        var routes = Routes(Estate("000-vpn-gateway-in-hub"), "--nic", "derog001-vm01-nic01");

        foreach (var half in new[] { "0.0.0.0/1", "128.0.0.0/1" })
        {
            var rows = WithPrefix(routes, half);
            var user = Assert.Single(rows, r => Text(r, "source") == "User");
            Assert.Equal(("Active", "Internet"), (Text(user, "state"), Text(user, "nextHopType")));
            var gateway = Assert.Single(rows, r => Text(r, "source") == "VirtualNetworkGateway");
            Assert.Equal(("Invalid", "OverriddenByUserRoute"), (Text(gateway, "state"), Text(gateway, "reason")));
        }

        Assert.Contains(routes, r => WithPrefix([r], "10.0.0.0/12").Count == 1 && Text(r, "state") == "Active");

        var hop = CliRunner.Run("next-hop", Estate("000-vpn-gateway-in-hub"), "--nic", "derog001-vm01-nic01",
            "--destination-ip", "93.184.216.34", "--format", "json");
        using var document = JsonDocument.Parse(hop.Stdout);
        Assert.Equal("Internet", document.RootElement.GetProperty("nextHopType").GetString());
        Assert.EndsWith("/routeTables/rt-derog-vnet001-snet-derog", document.RootElement.GetProperty("routeTableId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "SEED 000 final design (only VNets peered to the second hub use the tunnel); semantics.md 3.8")]
    public void Two_hub_design_gives_the_tunnel_routes_only_to_vnets_using_the_second_hub()
    {
        var result = CliRunner.Run("routes", Estate("000-two-hub-final"), "--all");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        var withTunnel = new List<string>();
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var subnetId = document.RootElement.GetProperty("subnetId").GetString() ?? string.Empty;
            var routes = document.RootElement.GetProperty("value").EnumerateArray().ToList();
            if (WithPrefix(routes, "0.0.0.0/1").Count > 0)
            {
                Assert.Single(WithPrefix(routes, "128.0.0.0/1"));
                withTunnel.Add(subnetId[(subnetId.IndexOf("/virtualNetworks/", StringComparison.Ordinal) + 17)..]);
            }
        }

        Assert.Equal(["hub-vnet002/subnets/GatewaySubnet", "vdi-vnet/subnets/tenant"], withTunnel.Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("fact", "SEED 000 Solution #2 (without UseRemoteGateways the ExpressRoute connectivity is lost); semantics.md 3.8")]
    public void Solution2_without_remote_gateways_loses_the_on_premises_routes()
    {
        var routes = Routes(Estate("000-vpn-in-vdi-vnet-no-remote-gateways"), "--nic", "vdi-w10-001-nic01");

        foreach (var onPremises in new[] { "10.0.0.0/12", "172.20.0.0/14" })
        {
            Assert.Empty(WithPrefix(routes, onPremises));
        }

        Assert.Equal("None", Text(Assert.Single(WithPrefix(routes, "192.168.0.0/16")), "nextHopType"));
        Assert.Single(WithPrefix(routes, "0.0.0.0/1"));
        Assert.Equal("VNetPeering", Text(Assert.Single(WithPrefix(routes, "10.100.0.0/16")), "nextHopType"));

        var hub = Routes(Estate("000-vpn-in-vdi-vnet-no-remote-gateways"), "--subnet", "hub-vnet001/GatewaySubnet");
        Assert.Single(WithPrefix(hub, "10.0.0.0/12"));
    }
}
