using VNetLab.Analysis.Policies;
using VNetLab.Arm.Policies;
using VNetLab.Routing;
using VNetLab.Security;

namespace VNetLab.Arm.Tests.Policies;

/// <summary>The verify policy format (docs/dispositions.md): what it reads, and bad files reported with YAML path and line.</summary>
public sealed class PolicyReaderTests
{
    [Fact]
    public void Reads_selectors_protocols_ports_expectations_and_waypoints()
    {
        const string Yaml = """
            assertions:
              - name: vdi tenant reaches the Internet only via the proxy tunnel
                from: { subnet: vdi-vnet/tenant }
                to: internet
                protocol: [Tcp, udp]
                ports: [80, 443, "8000-8080"]
                expect: reachable
                via: [ tunnel, { site: proxy-supplier } ]
                notVia: internet
                nextHopType: VirtualNetworkGateway
              - name: dmz
                from: { subnet: "*", except: vnet-dmz-weu/snet-dmz-proxy }
                to: { prefix: 10.0.0.0/8 }
                expect: unreachable
            """;

        var result = PolicyReader.ReadText(Yaml, "p.yaml");

        Assert.Empty(result.Errors);
        var policy = Assert.IsType<Policy>(result.Policy);
        var first = policy.Assertions[0];
        Assert.Equal(new EndpointSelector(SelectorKind.Subnet, "vdi-vnet/tenant"), first.From);
        Assert.Equal(SelectorKind.Internet, first.To.Kind);
        Assert.Equal(ProtocolSet.Of(SecurityProtocol.Tcp, SecurityProtocol.Udp), first.Protocols);
        Assert.Equal("80,443,8000-8080", string.Join(",", first.Ports.ToRanges()));
        Assert.Equal(ReachabilityExpectation.Reachable, first.Expect);
        Assert.Equal(new[] { new Waypoint(WaypointKind.Tunnel, "*"), new Waypoint(WaypointKind.Site, "proxy-supplier") }, first.Via.AsEnumerable());
        Assert.Equal(new[] { new Waypoint(WaypointKind.Internet, "*") }, first.NotVia.AsEnumerable());
        Assert.Equal(NextHopType.VirtualNetworkGateway, first.NextHopType);
        Assert.Equal("assertions[0]", first.Source?.JsonPath);
        var second = policy.Assertions[1];
        Assert.Equal("vnet-dmz-weu/snet-dmz-proxy", second.From.Except);
        Assert.True(second.From.Excludes("vnet-dmz-weu/snet-dmz-proxy"));
        Assert.Equal("10.0.0.0/8", second.To.Prefix?.ToString());
        Assert.True(second.Protocols.IsAll);
        Assert.True(second.Ports.IsAll);
    }

    [Fact]
    public void Every_problem_is_reported_with_file_yaml_path_and_line()
    {
        const string Yaml = """
            assertions:
              - name: one
                from: { subnet: a/b }
                to: { planet: mars }
                expect: maybe
              - from: internet
                to: internet
                ports: [http]
                via: [ teleporter ]
                nextHopType: internet
                colour: blue
            """;

        var result = PolicyReader.ReadText(Yaml, "bad.yaml");

        Assert.Null(result.Policy);
        var errors = result.Errors.Select(e => $"{e.File}:{e.Line}:{e.Path}").ToList();
        Assert.Contains("bad.yaml:4:$.assertions[0].to.planet", errors);
        Assert.Contains("bad.yaml:5:$.assertions[0].expect", errors);
        Assert.Contains("bad.yaml:11:$.assertions[1].colour", errors);
        Assert.Contains("bad.yaml:6:$.assertions[1].name", errors);
        Assert.Contains("bad.yaml:8:$.assertions[1].ports[0]", errors);
        Assert.Contains("bad.yaml:9:$.assertions[1].via[0]", errors);
        Assert.Contains("bad.yaml:10:$.assertions[1].nextHopType", errors);
        Assert.Contains(result.Errors, e => e.Message.Contains("VirtualNetworkGateway", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("assertions: [ { name: a, from: internet, to: internet } ]", "expects nothing")]
    [InlineData("policies: []", "unknown key")]
    [InlineData("- just a list", "expected a mapping")]
    [InlineData("assertions: [ { name: a, from: internet, to: internet, expect: reachable }, { name: A, from: internet, to: internet, expect: reachable } ]", "names must be unique")]
    [InlineData("assertions: [ {", "not valid YAML")]
    public void Unusable_files_say_what_to_write(string yaml, string expected)
    {
        var result = PolicyReader.ReadText(yaml);

        Assert.Null(result.Policy);
        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_policies_read_cleanly()
    {
        foreach (var example in new[] { "000-two-hub-final", "001-dmz-only-internal-networks" })
        {
            var result = PolicyReader.Read(Path.Combine(VNetLab.Testing.RepositoryPaths.Example(example), "policies.yaml"));
            Assert.Empty(result.Errors);
            Assert.Equal(4, result.Policy?.Assertions.Length);
        }
    }
}
