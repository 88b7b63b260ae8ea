using System.Text.Json.Nodes;
using VNetLab.Testing;

namespace VNetLab.Cli.Tests.Analysis;

/// <summary>trace, reach and diff on the seed estates.</summary>
public sealed class TraceReachDiffCommandTests
{
    private static string Estate(string example) => Path.Combine(RepositoryPaths.Example(example), "estate");

    private static JsonNode Json(CliResult result) => JsonNode.Parse(result.Stdout) ?? throw new InvalidOperationException(result.Stderr);

    [Fact]
    [Trait("fact", "seed 000 final design: only the tenant subnet sees the tunnel routes")]
    public void Trace_from_the_vdi_tenant_to_the_Internet_goes_through_the_tunnel_and_back()
    {
        var result = CliRunner.Run("trace", Estate("000-two-hub-final"), "--from", "vdi-w10-001-nic01", "--to", "93.184.216.34", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = Json(result);
        Assert.Equal("ExitedToExternalSite", json["forward"]!["disposition"]!.GetValue<string>());
        var steps = json["forward"]!["hops"]!.AsArray().SelectMany(h => h!["steps"]!.AsArray()).ToList();
        var lookup = steps.First(s => s!["kind"]!.GetValue<string>() == "RouteLookup")!;
        Assert.Equal("0.0.0.0/1", lookup["addressPrefix"]!.GetValue<string>());
        Assert.Equal("VirtualNetworkGateway", lookup["nextHopType"]!.GetValue<string>());
        Assert.Equal("System Route", lookup["routeTableId"]!.GetValue<string>());
        Assert.Contains(steps, s => s!["kind"]!.GetValue<string>() == "Tunnel");
        Assert.Equal("Delivered", json["return"]!["disposition"]!.GetValue<string>());
        Assert.False(json["asymmetric"]!.GetValue<bool>());
    }

    [Fact]
    [Trait("fact", "seed 000 final design: the ordinary spoke's NSG blocks the Internet")]
    public void Trace_text_names_the_denying_rule_and_the_command_still_exits_0()
    {
        var result = CliRunner.Run("trace", Estate("000-two-hub-final"), "--from", "app001-vm01", "--to", "internet");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("=>  DeniedByNsgOutbound", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Deny by securityRules/Deny-Internet-Outbound", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("return: none", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "semantics.md 3.9")]
    public void Trace_reports_a_request_over_the_tunnel_answered_over_ExpressRoute_as_asymmetric()
    {
        // The company network is behind both the circuit and the VPN; the VPN's local network gateway names a more
        // specific prefix, so the request takes the tunnel, while the site hears the spoke over both connections.
        const string Lng = "/subscriptions/6f1e3b2a-8d47-4c1e-9a35-2b7d0c4e81f6/resourceGroups/rg-network-hub-weu/providers/Microsoft.Network/localNetworkGateways/lng-proxy-supplier";
        using var estate = EstateCopy.Of("000-vpn-gateway-in-hub")
            .Edit("connectivity.json", "lng-proxy-supplier", l => l["properties"]!["localNetworkAddressSpace"]!["addressPrefixes"] = new JsonArray("10.1.0.0/16"))
            .Edit("external-sites.json", "onprem-corporate", s => s["properties"]!["attachedTo"]!.AsArray().Add(Lng));

        var result = CliRunner.Run("trace", estate.Folder, "--from", "derog001-vm01-nic01", "--to", "10.1.2.3", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = Json(result);
        Assert.Equal("ExitedToExternalSite", json["forward"]!["disposition"]!.GetValue<string>());
        Assert.Equal("Delivered", json["return"]!["disposition"]!.GetValue<string>());
        Assert.True(json["asymmetric"]!.GetValue<bool>());
        Assert.Equal("the request leaves over IPsec tunnel VPNgw001-to-proxy-supplier but the reply comes back over ExpressRoute circuit erc-par-equinix-001",
            Assert.Single(json["asymmetryReasons"]!.AsArray())!.GetValue<string>());
        Assert.Equal("VNL8001", Assert.Single(json["findings"]!.AsArray())!["code"]!.GetValue<string>());
        Assert.Contains(json["return"]!["notes"]!.AsArray(), n => n!["code"]!.GetValue<string>() == "VNL9806");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.1")]
    public void Trace_reports_a_reply_that_leaves_for_the_Internet_when_the_request_came_over_ExpressRoute()
    {
        // A UDR meant for a public range catches an on-premises range too: the reply goes out to the Internet.
        using var estate = EstateCopy.Of("000-vpn-gateway-in-hub").Edit("security.json", "rt-derog-vnet001-snet-derog", table =>
            table["properties"]!["routes"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "Wrong-Internet",
                ["properties"] = new JsonObject { ["addressPrefix"] = "10.1.0.0/16", ["nextHopType"] = "Internet" },
            }));

        var result = CliRunner.Run("trace", estate.Folder, "--from", "10.1.2.3", "--to", "derog001-vm01-nic01", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = Json(result);
        Assert.Equal("Delivered", json["forward"]!["disposition"]!.GetValue<string>());
        Assert.Equal("ExitedToInternet", json["return"]!["disposition"]!.GetValue<string>());
        Assert.Equal(
            [
                "the request leaves over ExpressRoute circuit erc-par-equinix-001 but the reply comes back over the Internet",
                "the reply ends at Internet (ExitedToInternet) instead of onprem-corporate",
            ],
            json["asymmetryReasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public void Trace_with_an_unknown_endpoint_exits_2()
    {
        var result = CliRunner.Run("trace", Estate("000-two-hub-final"), "--from", "no-such-nic", "--to", "10.1.2.3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("names no network interface, virtual machine or VNET/SUBNET", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("fact", "seed 001: OnlyInternalNetworks and the proxy subnet's web and mail rule")]
    public void Reach_shows_only_the_proxy_subnet_reaching_the_Internet_on_web_and_mail()
    {
        var result = CliRunner.Run("reach", Estate("001-dmz-only-internal-networks"), "--to", "internet", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(Json(result)["value"]!.AsArray())!;
        Assert.Equal("vnet-dmz-weu/snet-dmz-proxy", row["source"]!.GetValue<string>());
        var cell = Assert.Single(row["reachable"]!.AsArray())!;
        Assert.Equal("Tcp", cell["protocol"]!.GetValue<string>());
        Assert.Equal("25,80,443", cell["ports"]!.GetValue<string>());
        Assert.True(cell["complete"]!.GetValue<bool>());
    }

    [Fact]
    [Trait("fact", "seed 000 Solution #4: the proxy announcements and the UDR override")]
    public void Diff_shows_the_proxy_announcements_moving_every_spoke_to_the_tunnel_and_the_override_restoring_one()
    {
        const string Example = "000-vpn-gateway-in-hub";
        using var withoutOverrides = EstateCopy.Of(Example)
            .Edit("network.json", "snet-derog", s => s["properties"]!.AsObject().Remove("routeTable"))
            .Edit("network.json", "snet-webproxy", s => s["properties"]!.AsObject().Remove("routeTable"));
        using var withoutAnnouncements = EstateCopy.Of(Example)
            .Edit("network.json", "snet-derog", s => s["properties"]!.AsObject().Remove("routeTable"))
            .Edit("network.json", "snet-webproxy", s => s["properties"]!.AsObject().Remove("routeTable"))
            .Edit("external-sites.json", "proxy-supplier", s => s["properties"]!["advertisedPrefixes"] = new JsonArray());

        var announced = CliRunner.Run("diff", withoutAnnouncements.Folder, withoutOverrides.Folder, "--format", "json");
        var overridden = CliRunner.Run("diff", withoutOverrides.Folder, Estate(Example), "--format", "json");

        Assert.Equal(0, announced.ExitCode);
        var routes = Json(announced)["routes"]!.AsArray();
        foreach (var spoke in new[] { "vdi-vnet/subnets/tenant", "app-vnet001/subnets/snet-app", "derog-vnet001/subnets/snet-derog" })
        {
            Assert.Contains(routes, r => r!["subnetId"]!.GetValue<string>().EndsWith(spoke, StringComparison.OrdinalIgnoreCase)
                && r["addressPrefix"]!.GetValue<string>() == "0.0.0.0/1" && r["change"]!.GetValue<string>() == "Added"
                && r["after"]!.GetValue<string>().StartsWith("Active VirtualNetworkGateway", StringComparison.Ordinal));
        }

        var reach = Json(announced)["reachability"]!.AsArray();
        foreach (var spoke in new[] { "vdi-vnet/tenant", "derog-vnet001/snet-derog" })
        {
            var row = reach.Single(r => r!["source"]!.GetValue<string>() == spoke && r["destination"]!.GetValue<string>() == "internet")!;
            Assert.Equal("Changed", row["change"]!.GetValue<string>());
            Assert.EndsWith("-> Internet", row["before"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.EndsWith("-> site proxy-supplier", row["after"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var restored = Json(overridden)["reachability"]!.AsArray()
            .Single(r => r!["source"]!.GetValue<string>() == "derog-vnet001/snet-derog" && r["destination"]!.GetValue<string>() == "internet")!;
        Assert.EndsWith("-> Internet", restored["after"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Json(overridden)["reachability"]!.AsArray(), r => r!["source"]!.GetValue<string>() == "vdi-vnet/tenant");
    }

    [Fact]
    [Trait("fact", "constraints.md 1.4")]
    public void Diff_reports_the_validation_error_a_change_introduces_and_fail_on_change_exits_1()
    {
        var result = CliRunner.Run("diff", Estate("000-vpn-in-vdi-vnet-no-remote-gateways"), Estate("000-vpn-in-vdi-vnet"), "--fail-on-change", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var diagnostics = Json(result)["diagnostics"]!.AsArray();
        Assert.Contains(diagnostics, d => d!["code"]!.GetValue<string>() == "VNL2003" && d["change"]!.GetValue<string>() == "Added");
        Assert.Contains(Json(result)["reachability"]!.AsArray(), r => r!["source"]!.GetValue<string>() == "vdi-vnet/tenant"
            && r["destination"]!.GetValue<string>() == "site onprem-corporate" && r["change"]!.GetValue<string>() == "Added");
    }

    [Fact]
    public void Diff_of_an_estate_with_itself_is_empty_and_fail_on_change_exits_0()
    {
        var result = CliRunner.Run("diff", Estate("001-hub-and-peering"), Estate("001-hub-and-peering"), "--fail-on-change");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No change", result.Stdout, StringComparison.Ordinal);
    }
}
