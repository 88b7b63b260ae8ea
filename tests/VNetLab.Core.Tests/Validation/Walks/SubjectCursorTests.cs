using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation.Walks;

/// <summary>
/// The validator checks NSGs and route tables during its pass over VNets, after the VNets that use them: every subject
/// must still be visited once, in the estate's order, whatever VNets use which.
/// </summary>
public sealed class SubjectCursorTests
{
    // Up to 6 NSGs (one id listed twice) and up to 5 VNets whose subnets use any of them, one the estate lacks, or none.
    private static readonly Gen<(ImmutableArray<Resource> Nsgs, VirtualNetwork[] Vnets)> _cases =
        from count in Gen.Choose(0, 6)
        from twice in Gen.Choose(0, 6)
        from uses in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(-2, 6), 3), 5)
        select (Nsgs(count, twice), uses.Select((u, v) => Vnet(v, u)).ToArray());

    [Fact]
    public void Property_EverySubjectIsVisitedOnceInTheEstatesOrder() =>
        PropertyCheck.Holds(_cases, static c =>
        {
            var visited = new List<Resource>();
            var cursor = new SubjectCursor(c.Nsgs, ValidationSubjects.UsedBySubnet(typeof(NetworkSecurityGroup)), visited.Add);
            foreach (var vnet in c.Vnets)
            {
                cursor.VisitUsedBy(vnet);
            }

            cursor.VisitRest();
            return visited.SequenceEqual(c.Nsgs, ReferenceEqualityComparer.Instance);
        }, runs: 1000);

    [Fact]
    public void EachVnetsNsgsAreVisitedRightAfterIt_WithThoseNoVnetUsesBefore()
    {
        var nsgs = Nsgs(5, -1);
        var visited = new List<Resource>();
        var cursor = new SubjectCursor(nsgs, ValidationSubjects.UsedBySubnet(typeof(NetworkSecurityGroup)), visited.Add);

        cursor.VisitUsedBy(Vnet(0, [1]));
        Assert.Equal(nsgs[..2], visited);
        cursor.VisitUsedBy(Vnet(1, [-1, 0]));
        Assert.Equal(nsgs[..2], visited);
        cursor.VisitUsedBy(Vnet(2, [3, 2]));
        Assert.Equal(nsgs[..4], visited);
        cursor.VisitRest();
        Assert.Equal(nsgs, visited);
    }

    [Fact]
    public void RouteTablesFollowTheSubnetsRouteTables_AndOtherTypesWaitForTheEnd()
    {
        var tables = ImmutableArray.Create<Resource>(new RouteTable { Id = EstateBuilder.Id("routeTables", "rt0") }, new RouteTable { Id = EstateBuilder.Id("routeTables", "rt1") });
        var vnet = new VirtualNetwork
        {
            Id = EstateBuilder.VnetId("vnet"),
            Subnets = [new Subnet { Id = EstateBuilder.SubnetId("vnet", "a"), RouteTableId = tables[0].Id, NetworkSecurityGroupId = tables[1].Id }],
        };
        var visited = new List<Resource>();
        var routeTables = new SubjectCursor(tables, ValidationSubjects.UsedBySubnet(typeof(RouteTable)), visited.Add);
        var gateways = new SubjectCursor(tables, ValidationSubjects.UsedBySubnet(typeof(VirtualNetworkGateway)), visited.Add);

        routeTables.VisitUsedBy(vnet);
        gateways.VisitUsedBy(vnet);

        Assert.Equal(tables[..1], visited);
    }

    /// <summary>NSGs nsg0..nsg{count-1}; when <paramref name="twice"/> is one of them, its id is listed again at the end.</summary>
    private static ImmutableArray<Resource> Nsgs(int count, int twice)
    {
        var nsgs = Enumerable.Range(0, count).Select(i => (Resource)new NetworkSecurityGroup { Id = NsgId(i) }).ToList();
        if (twice >= 0 && twice < count)
        {
            nsgs.Add(new NetworkSecurityGroup { Id = NsgId(twice) });
        }

        return [.. nsgs];
    }

    /// <summary>A VNet with one subnet per use: NSG n, an NSG the estate lacks (-1) or none (-2).</summary>
    private static VirtualNetwork Vnet(int v, int[] uses) => new()
    {
        Id = EstateBuilder.VnetId($"vnet{v}"),
        Subnets =
        [
            .. uses.Select((u, i) => new Subnet
            {
                Id = EstateBuilder.SubnetId($"vnet{v}", $"s{i}"),
                NetworkSecurityGroupId = u switch { -2 => null, -1 => EstateBuilder.Id("networkSecurityGroups", "gone"), _ => NsgId(u) },
            }),
        ],
    };

    private static ResourceId NsgId(int i) => EstateBuilder.Id("networkSecurityGroups", $"nsg{i}");
}
