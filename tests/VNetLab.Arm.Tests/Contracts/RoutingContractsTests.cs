using System.Collections.Immutable;
using System.Text.Json;
using VNetLab.Addressing;
using VNetLab.Arm.Contracts;
using VNetLab.Model;
using VNetLab.Routing;

namespace VNetLab.Arm.Tests.Contracts;

public sealed class RoutingContractsTests
{
    private static readonly EffectiveRoute Gateway = new()
    {
        Source = EffectiveRouteSource.VirtualNetworkGateway,
        State = EffectiveRouteState.Active,
        AddressPrefixes = [IpPrefix.Parse("10.2.0.0/24")],
        NextHopIpAddresses = [IpAddress.Parse("10.1.0.228"), IpAddress.Parse("10.1.0.229")],
        NextHopType = NextHopType.VirtualNetworkGateway,
        Reason = EffectiveRouteReason.OnlyRouteForPrefix,
        Explanation = "address prefix of local network gateway lng",
    };

    [Fact]
    [Trait("fact", "semantics.md 1.1, 3.10 (one entry with both active-active addresses); CONTRACT.md routes --format json")]
    public void An_effective_route_serialises_with_azures_names_and_spellings()
    {
        var json = ContractJson.Serialize(EffectiveRouteListResult.From([Gateway], notes: null, explain: false));

        using var document = JsonDocument.Parse(json);
        Assert.Equal(["value"], document.RootElement.EnumerateObject().Select(p => p.Name));
        var route = document.RootElement.GetProperty("value")[0];
        Assert.Equal("""{"name":null,"disableBgpRoutePropagation":false,"source":"VirtualNetworkGateway","state":"Active","addressPrefix":["10.2.0.0/24"],"nextHopIpAddress":["10.1.0.228","10.1.0.229"],"nextHopType":"VirtualNetworkGateway"}""",
            JsonSerializer.Serialize(route));
    }

    [Fact]
    public void Explain_adds_the_reason_after_azures_fields()
    {
        var entry = EffectiveRouteEntry.From(Gateway, explain: true);
        var json = JsonLines.Serialize(entry);

        Assert.EndsWith("\"nextHopType\":\"VirtualNetworkGateway\",\"reason\":\"OnlyRouteForPrefix\",\"explanation\":\"address prefix of local network gateway lng\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    [Trait("fact", "semantics.md 1.3 (routeTableId is the literal 'System Route' when no user route decided; CLI shows null IP for Internet)")]
    public void Next_hop_result_uses_system_route_and_a_null_address_when_none_applies()
    {
        var internet = ContractJson.Serialize(NextHopResultDocument.From(new NextHopResult { NextHopType = NextHopType.Internet }, notes: null));
        var appliance = ContractJson.Serialize(NextHopResultDocument.From(new NextHopResult
        {
            NextHopType = NextHopType.VirtualAppliance,
            NextHopIpAddress = IpAddress.Parse("10.0.2.4"),
            RouteTableId = ResourceId.Parse("/subscriptions/s/resourceGroups/myResourceGroup/providers/Microsoft.Network/routeTables/myRouteTablePublic"),
        }, notes: ImmutableArray<VNetLab.Diagnostics.Diagnostic>.Empty));

        using var first = JsonDocument.Parse(internet);
        Assert.Equal(["nextHopType", "nextHopIpAddress", "routeTableId"], first.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, first.RootElement.GetProperty("nextHopIpAddress").ValueKind);
        Assert.Equal("System Route", first.RootElement.GetProperty("routeTableId").GetString());
        using var second = JsonDocument.Parse(appliance);
        Assert.Equal("10.0.2.4", second.RootElement.GetProperty("nextHopIpAddress").GetString());
        Assert.EndsWith("/routeTables/myRouteTablePublic", second.RootElement.GetProperty("routeTableId").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, second.RootElement.GetProperty("notes").GetArrayLength());
    }
}
