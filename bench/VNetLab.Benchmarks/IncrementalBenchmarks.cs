using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Validation;

namespace VNetLab.Benchmarks;

/// <summary>
/// A one-resource change (issue #7: "≥ 20× faster than a full recompute"): the routing of the changed estate
/// compiled afresh (the baseline) against <see cref="CompiledRouting.Apply"/> from the compilation before the
/// change, and its validation afresh against <see cref="ValidationRun.Apply"/>, in the same run, so each
/// category's ratio column is the speed-up. The change is made once in the setup: a user
/// route added to a spoke's route table (<c>RouteTable</c>), one subnet of a spoke given a service endpoint
/// (<c>Subnet</c>), one custom rule of a spoke's NSG given another destination port (<c>NsgRule</c>), a spoke's
/// peering to its hub allowed forwarded traffic (<c>Peering</c>), or the peering of a spoke using its hub's
/// gateway set to <c>Disconnected</c> (<c>PeeringState</c>: its peering routes go, it leaves the hub's gateway
/// transit, so the hub's gateways advertise one range less).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class IncrementalBenchmarks
{
    private CompiledRouting _before = RoutingCompiler.Compile(Estate.Empty);
    private ValidationRun _validated = Validator.Default.Run(Estate.Empty);
    private Estate _after = Estate.Empty;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "small";

    [Params("RouteTable", "Subnet", "NsgRule", "Peering", "PeeringState")]
    public string Change { get; set; } = "RouteTable";

    public static IEnumerable<string> Sizes => BenchmarkSizes.Selected;

    [GlobalSetup]
    public void Setup()
    {
        var estate = BenchmarkEstates.Import(Size);
        _before = RoutingCompiler.Compile(estate);
        _validated = Validator.Default.Run(estate);
        _after = Change switch
        {
            "Subnet" => WithServiceEndpoint(estate),
            "NsgRule" => WithNsgRuleChanged(estate),
            "Peering" => WithPeeringChanged(estate),
            "PeeringState" => WithPeeringDisconnected(estate),
            _ => WithUserRoute(estate),
        };
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("routing after a one-resource change")]
    public int FullCompile() => RoutingCompiler.Compile(_after).Subnets.Length;

    [Benchmark]
    [BenchmarkCategory("routing after a one-resource change")]
    public int Incremental() => _before.Apply(_after).Subnets.Length;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("validation after a one-resource change")]
    public int FullValidate() => Validator.Default.Validate(_after).Length;

    [Benchmark]
    [BenchmarkCategory("validation after a one-resource change")]
    public int IncrementalValidate() => _validated.Apply(_after).Diagnostics.Length;

    private static Estate WithUserRoute(Estate estate)
    {
        var table = estate.RouteTables.Where(t => estate.AssociationsOf(t.Id).OfType<Subnet>().Any()).OrderBy(t => t.Id).Last();
        var prefix = IpPrefix.Parse("172.31.255.0/24");
        var route = new Route
        {
            Id = table.Id.Child("routes", "bench-added"),
            AddressPrefix = prefix.ToString(),
            Prefix = prefix,
            NextHopType = RouteNextHopType.None,
        };
        return estate.With(table with { Routes = table.Routes.Add(route) });
    }

    private static Estate WithServiceEndpoint(Estate estate)
    {
        var vnet = estate.VirtualNetworks.Where(v => v.Subnets.Length > 1 && v.Peerings.Length == 1).OrderBy(v => v.Id).Last();
        var subnet = vnet.Subnets[0];
        subnet = subnet with { ServiceEndpoints = subnet.ServiceEndpoints.Add(new ServiceEndpoint("Microsoft.Storage", [vnet.Location ?? "westeurope"])) };
        return estate.With(vnet with { Subnets = vnet.Subnets.SetItem(0, subnet) });
    }

    private static Estate WithNsgRuleChanged(Estate estate)
    {
        var nsg = estate.NetworkSecurityGroups.Where(n => n.SecurityRules.Any(r => !r.IsDefault)).OrderBy(n => n.Id).Last();
        var rule = nsg.SecurityRules.Last(r => !r.IsDefault);
        return estate.With(nsg with { SecurityRules = nsg.SecurityRules.Replace(rule, rule with { DestinationPortRanges = ["8443"] }) });
    }

    private static Estate WithPeeringDisconnected(Estate estate)
    {
        var vnet = estate.VirtualNetworks.Where(v => v.Peerings.Length == 1 && v.Peerings[0].UseRemoteGateways).OrderBy(v => v.Id).Last();
        return estate.With(vnet with { Peerings = [vnet.Peerings[0] with { PeeringState = PeeringState.Disconnected }] });
    }

    private static Estate WithPeeringChanged(Estate estate)
    {
        var vnet = estate.VirtualNetworks.Where(v => v.Peerings.Length == 1).OrderBy(v => v.Id).Last();
        var peering = vnet.Peerings[0];
        return estate.With(vnet with { Peerings = [peering with { AllowForwardedTraffic = !peering.AllowForwardedTraffic }] });
    }
}
