using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Testing;
using VNetLab.Validation;
using VNetLab.Validation.Rules.Nsg;

namespace VNetLab.Core.Tests.Validation.Walks;

/// <summary>
/// The validator hands NIC walks the estate's NICs during its pass over VNets: every walk must still see every NIC once,
/// in the estate's order, whatever order the VNets and NICs come in, and the rules that walk NICs must find what they
/// find run alone.
/// </summary>
public sealed class NetworkInterfaceFeedTests
{
    // An estate of up to 4 VNets (in a shuffled order) and up to 12 NICs, each placed in one of them, in a VNet the
    // estate does not hold, in no subnet, or with no configuration at all; some join ASGs in several VNets and regions.
    private static readonly Gen<Estate> _estates =
        from vnets in Gen.Shuffle(Enumerable.Range(0, 4).ToArray()).SelectMany(order => Gen.Choose(0, 4).Select(n => order[..n]))
        from placements in Gen.ListOf(Gen.Choose(-2, 4)).Select(p => p.Take(12).ToArray())
        from asgs in Gen.ArrayOf(Gen.Choose(0, 3), placements.Length)
        from regions in Gen.ArrayOf(Gen.Elements("westeurope", "northeurope"), placements.Length)
        select Build(vnets, placements, asgs, regions);

    [Fact]
    public void Property_EveryWalkSeesEveryNicOnceInTheEstatesOrder() =>
        PropertyCheck.Holds(_estates, static estate =>
        {
            var (first, second) = (new RecordingWalk(), new RecordingWalk());
            var feed = new NetworkInterfaceFeed(estate.NetworkInterfaces, [first, second]);
            foreach (var vnet in estate.VirtualNetworks)
            {
                feed.VisitPlacedIn(vnet);
            }

            feed.VisitRest();
            return first.Visited.SequenceEqual(estate.NetworkInterfaces) && second.Visited.SequenceEqual(estate.NetworkInterfaces);
        }, runs: 1000);

    [Fact]
    public void NicsGroupedByVnet_AreVisitedRightAfterTheirVnet()
    {
        var estate = Build([0, 1, 2], [0, 0, -2, 1, 1, 2, 0], [0, 0, 0, 0, 0, 0, 0], [.. Enumerable.Repeat("westeurope", 7)]);
        var walk = new RecordingWalk();
        var feed = new NetworkInterfaceFeed(estate.NetworkInterfaces, [walk]);
        var nics = estate.NetworkInterfaces;

        feed.VisitPlacedIn(estate.VirtualNetworks[0]);
        Assert.Equal(nics[..3], walk.Visited);
        feed.VisitPlacedIn(estate.VirtualNetworks[1]);
        Assert.Equal(nics[..5], walk.Visited);
        feed.VisitPlacedIn(estate.VirtualNetworks[2]);
        Assert.Equal(nics[..6], walk.Visited);

        // The last NIC sits in the first VNet, already passed: it waits for the end, not jumping the order.
        feed.VisitRest();
        Assert.Equal(nics, walk.Visited);
    }

    [Fact]
    public void Property_AsgRuleInTheValidatorFindsWhatItFindsAlone() =>
        PropertyCheck.Holds(_estates, static estate =>
        {
            var limits = ValidationLimits.Azure with { ApplicationSecurityGroupsPerIpConfiguration = 1 };
            var rule = new ApplicationSecurityGroupRule(limits);
            var validator = new Validator([.. Validator.Create(limits).Rules.Where(r => r.Reads.Subject == typeof(VirtualNetwork)), rule]);
            var alone = rule.Validate(estate).Select(DiagnosticText.Of).ToList();
            var run = validator.Run(estate);
            return run.ByRule[^1].All.Select(DiagnosticText.Of).SequenceEqual(alone)
                && validator.Validate(estate).Where(d => rule.Descriptors.Any(r => r.Code == d.Code)).Select(DiagnosticText.Of).OrderBy(d => d, StringComparer.Ordinal)
                    .SequenceEqual(alone.Distinct().OrderBy(d => d, StringComparer.Ordinal), StringComparer.Ordinal);
        }, runs: 300);

    [Fact]
    public void AsgRule_FindsMembersInSeveralVnetsRegionsAndBeyondTheLimit_InTheValidator()
    {
        // NICs of two VNets interleaved, so the walk is handed some at their VNet and the rest at the end.
        var estate = Build([0, 1], [0, 1, 0, 1, -1], [1, 1, 3, 2, 1], ["westeurope", "westeurope", "northeurope", "westeurope", "westeurope"]);
        var limits = ValidationLimits.Azure with { ApplicationSecurityGroupsPerIpConfiguration = 2 };

        var codes = Validator.Create(limits).Validate(estate).Select(d => d.Code).ToList();

        Assert.Contains(DiagnosticCatalog.Descriptors.AsgMembersInSeveralVnets.Code, codes);
        Assert.Contains(DiagnosticCatalog.Descriptors.AsgRegionMismatch.Code, codes);
        Assert.Contains(DiagnosticCatalog.Descriptors.AsgsPerIpConfigurationLimit.Code, codes);
    }

    /// <summary>
    /// VNets vnet0..vnet3 in the given order; NIC i in vnet{placements[i]} (-1: a VNet the estate does not hold, -2: no
    /// subnet), listing the first asgs[i] of three ASGs, in regions[i]. A placement of 4 gives a NIC without configuration.
    /// </summary>
    private static Estate Build(int[] vnets, int[] placements, int[] asgs, string[] regions)
    {
        var asgIds = Enumerable.Range(0, 3).Select(i => EstateBuilder.Id("applicationSecurityGroups", $"asg{i}")).ToArray();
        var roots = new List<Resource>();
        roots.AddRange(asgIds.Select(id => new ApplicationSecurityGroup { Id = id, Location = "westeurope" }));
        roots.AddRange(vnets.Select(v => new VirtualNetwork
        {
            Id = EstateBuilder.VnetId($"vnet{v}"),
            Location = "westeurope",
            AddressSpace = EstateBuilder.Prefixes($"10.{v}.0.0/16"),
            Subnets = [new Subnet { Id = EstateBuilder.SubnetId($"vnet{v}", "default"), AddressPrefixes = EstateBuilder.Prefixes($"10.{v}.0.0/24") }],
        }));
        for (var i = 0; i < placements.Length; i++)
        {
            var id = EstateBuilder.Id("networkInterfaces", $"nic{i}");
            var subnet = placements[i] switch
            {
                -2 => null,
                -1 => EstateBuilder.SubnetId("elsewhere", "default"),
                var v => EstateBuilder.SubnetId($"vnet{v}", "default"),
            };
            roots.Add(new NetworkInterface
            {
                Id = id,
                Location = regions[i],
                IpConfigurations = placements[i] == 4 ? [] :
                [
                    new NetworkInterfaceIpConfiguration { Id = id.Child("ipConfigurations", "ipconfig1"), SubnetId = subnet, ApplicationSecurityGroupIds = [.. asgIds[..asgs[i]]] },
                ],
            });
        }

        return Estate.Create(roots);
    }

    private sealed class RecordingWalk : NetworkInterfaceWalk
    {
        public List<NetworkInterface> Visited { get; } = [];

        public override void Visit(NetworkInterface nic) => Visited.Add(nic);

        public override IEnumerable<Diagnostic> Findings() => [];
    }
}
