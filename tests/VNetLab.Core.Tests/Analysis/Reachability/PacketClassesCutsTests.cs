using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Reachability;
using VNetLab.Model;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>
/// The packet classes cut address space at every rule's address sets, also where two NSGs name the same set (met again,
/// it is looked up once), and the filter atoms only there: a subnet's range that no rule names does not split them.
/// </summary>
public sealed class PacketClassesCutsTests
{
    [Fact]
    public void Rule_sets_cut_the_address_atoms_and_the_filter_atoms_and_subnet_ranges_only_the_address_atoms()
    {
        SecurityRule[] Rules(string nsg) =>
        [
            Inbound(nsg, "from-web-head", 100, SecurityRuleAccess.Allow, source: "10.0.1.0/26", destination: "10.0.1.192/27"),
            Outbound(nsg, "to-web-head", 100, SecurityRuleAccess.Deny, destination: "10.0.1.0/26"),
        ];
        var estate = Estate.Create(
        [
            Nsg("nsg-web", Rules("nsg-web")),
            Nsg("nsg-app", Rules("nsg-app")),
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24", "nsg-web"), Subnet("vnet-a", "app", "10.0.2.0/24", "nsg-app")),
        ]);

        var classes = PacketClasses.For(NetworkAnalysis.Compile(estate));

        var firsts = classes.Split(AddressSet.FromPrefix(IpPrefix.Parse("10.0.0.0/16"))).Select(a => a.First.ToString()).ToList();
        Assert.Contains("10.0.1.64", firsts);
        Assert.Contains("10.0.1.192", firsts);
        Assert.Contains("10.0.1.224", firsts);
        Assert.Contains("10.0.2.0", firsts);
        Assert.Contains("10.0.3.0", firsts);
        Assert.Equal(new AddressRange(IpAddress.Parse("10.0.1.64"), IpAddress.Parse("10.0.1.191")), classes.FilterAtomOf(IpAddress.Parse("10.0.1.70")));
        var app = classes.FilterAtomOf(IpAddress.Parse("10.0.2.5"));
        Assert.Equal(IpAddress.Parse("10.0.1.224"), app.First);
        Assert.True(app.Last.V4Value >= IpAddress.Parse("10.0.2.255").V4Value, $"{app} is split at the app subnet's range, which no rule names");
    }
}
