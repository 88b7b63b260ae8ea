using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis.Reachability;

/// <summary>Identical senders of a subnet are checked once; a sender that differs (its own NSG, another rule atom) is not merged.</summary>
public sealed class SenderClassesTests
{
    private static readonly ResourceId _web = SubnetId("vnet-a", "web");

    private static NetworkAnalysis Estate(params Resource[] nics) => NetworkAnalysis.Compile(VNetLab.Model.Estate.Create(
    [
        Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24"), Subnet("vnet-a", "db", "10.0.2.0/24")),
        Nsg("nsg-strict", Outbound("nsg-strict", "Deny-Db-Sql", 100, SecurityRuleAccess.Deny, "Tcp", destination: "10.0.2.0/24", destinationPorts: "1433")),
        Nic("db1", SubnetId("vnet-a", "db"), "10.0.2.4"),
        .. nics,
    ]));

    private static readonly PolicyAssertion _webReachesDb = new()
    {
        Name = "web reaches db",
        From = new EndpointSelector(SelectorKind.Subnet, "vnet-a/web"),
        To = new EndpointSelector(SelectorKind.Subnet, "vnet-a/db"),
        Protocols = ProtocolSet.Of(SecurityProtocol.Tcp),
        Expect = ReachabilityExpectation.Reachable,
    };

    [Fact]
    public void Identical_senders_are_checked_once()
    {
        var one = new PolicyChecker(Estate(Nic("web1", _web, "10.0.1.4"))).Check(_webReachesDb);
        var three = new PolicyChecker(Estate(Nic("web1", _web, "10.0.1.4"), Nic("web2", _web, "10.0.1.5"), Nic("web3", _web, "10.0.1.6"))).Check(_webReachesDb);

        Assert.True(three.Passed, three.Reason);
        Assert.Equal(one.ClassesChecked, three.ClassesChecked);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void A_sender_with_its_own_nsg_is_not_merged_and_yields_the_counterexample()
    {
        var result = new PolicyChecker(Estate(Nic("web1", _web, "10.0.1.4"), Nic("web2", _web, "10.0.1.5", nsg: "nsg-strict"))).Check(_webReachesDb);

        Assert.False(result.Passed);
        Assert.Equal("web2", result.Counterexample?.Source.Endpoint.Name);
        Assert.Equal(1433, result.Counterexample?.Class.Representative.DestinationPort);
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    public void A_sender_in_another_rule_atom_is_not_merged()
    {
        // The db subnet's NSG tells 10.0.1.200 (inside 10.0.1.128/25) apart from 10.0.1.4: two senders, two checks.
        var analysis = NetworkAnalysis.Compile(VNetLab.Model.Estate.Create(
        [
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24"), Subnet("vnet-a", "db", "10.0.2.0/24", nsg: "nsg-db")),
            Nsg("nsg-db", Inbound("nsg-db", "Deny-From-Admin", 100, SecurityRuleAccess.Deny, source: "10.0.1.128/25")),
            Nic("db1", SubnetId("vnet-a", "db"), "10.0.2.4"),
            Nic("web1", _web, "10.0.1.4"),
            Nic("web9-admin", _web, "10.0.1.200"),
        ]));

        var result = new PolicyChecker(analysis).Check(_webReachesDb);

        Assert.False(result.Passed);
        Assert.Equal("web9-admin", result.Counterexample?.Source.Endpoint.Name);
    }
}
