using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Core.Tests.Validation.Lookups;
using VNetLab.Model;
using VNetLab.Validation.Rules.Nsg;

namespace VNetLab.Core.Tests.Validation.Rules;

/// <summary>The ASG membership walk gives what the former lookup over every IP configuration gave.</summary>
public sealed partial class AsgMembersTests
{
    private static readonly ResourceId _nicId = EstateBuilder.Id("networkInterfaces", "nic");

    private static readonly Gen<ResourceId?> _subnetId = Gen.OneOf(
        Gen.Constant<ResourceId?>(null),
        ResourceIdGenerators.Id.Select(static id => (ResourceId?)id),
        ResourceIdGenerators.Pair.Select(static pair => (ResourceId?)pair.Item1));

    [Fact]
    public void Property_InSeveralVnetsEqualsListingMoreThanOneVnet() =>
        PropertyCheck.Holds(Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(_subnetId, n)), static subnets =>
        {
            var nic = new NetworkInterface { Id = _nicId };
            List<AsgMember> members = [.. subnets.Select((s, i) => new AsgMember(new NetworkInterfaceIpConfiguration { Id = _nicId.Child("ipConfigurations", $"c{i}"), SubnetId = s }, nic))];
            var expected = members.Select(m => m.IpConfiguration.SubnetId?.Parent).OfType<ResourceId>().Distinct().Count() > 1;
            return AsgMembers.InSeveralVnets(members) == expected && AsgMembers.InSeveralVnets(members) == (AsgMembers.VnetsOf(members).Count > 1);
        }, runs: 2000);

    [Fact]
    public void MembersOf_ListsMembersAsTheLookupOverEveryIpConfigurationDid()
    {
        var web = EstateBuilder.Id("applicationSecurityGroups", "asg-web");
        var app = EstateBuilder.Id("applicationSecurityGroups", "asg-app");
        var first = Nic("nic1", [web, app], [web]);
        var second = Nic("nic2", [app, app], []);
        var estate = Estate.Create([first, second]);

        var expected = estate.NetworkInterfaces
            .SelectMany(n => n.IpConfigurations)
            .SelectMany(c => c.ApplicationSecurityGroupIds.Select(a => (Asg: a, Config: c)))
            .ToLookup(p => p.Asg, p => p.Config);
        var membership = Gathered(estate);

        foreach (var group in expected)
        {
            var members = membership.MembersOf(group.Key);
            Assert.NotNull(members);
            Assert.Equal(group, members.Select(m => m.IpConfiguration));
            Assert.All(members, m => Assert.Contains(m.IpConfiguration, m.Holder.IpConfigurations));
        }

        Assert.Null(membership.MembersOf(EstateBuilder.Id("applicationSecurityGroups", "asg-none")));
    }

    [Fact]
    public void MembersOf_GivesEachMembersRegionAsFindingItsNicDoes()
    {
        var web = EstateBuilder.Id("applicationSecurityGroups", "asg-web");
        var first = Nic("nic1", [web], [web]) with { Location = "westeurope" };
        var elsewhere = EstateBuilder.Id("networkInterfaces", "nic2").Child("ipConfigurations", "ipconfig1");
        var gone = EstateBuilder.Id("networkInterfaces", "gone").Child("ipConfigurations", "ipconfig1");
        var second = Nic("nic3", [], []) with
        {
            IpConfigurations =
            [
                new NetworkInterfaceIpConfiguration { Id = elsewhere, ApplicationSecurityGroupIds = [web] },
                new NetworkInterfaceIpConfiguration { Id = gone, ApplicationSecurityGroupIds = [web] },
            ],
        };
        var estate = Estate.Create([first, Nic("nic2", [], []) with { Location = "northeurope" }, second with { Location = "eastus" }]);

        var members = Gathered(estate).MembersOf(web)!;

        Assert.Equal(4, members.Count);
        Assert.All(members, m => Assert.Equal(estate.Find<NetworkInterface>(m.IpConfiguration.NetworkInterfaceId)?.Location, m.OwnerRegion));
        Assert.Equal(["westeurope", "westeurope", "northeurope", null], members.Select(m => m.OwnerRegion));
    }

    [Fact]
    public void BeyondLimit_ListsTheConfigurationsBeyondTheLimitInTheEstatesOrder()
    {
        var asgs = Enumerable.Range(0, 4).Select(i => EstateBuilder.Id("applicationSecurityGroups", $"asg{i}")).ToArray();
        var estate = Estate.Create([Nic("nic1", asgs, asgs[..2]), Nic("nic2", asgs[..3], asgs)]);

        var membership = Gathered(estate, 2);
        var beyondLimit = membership.BeyondLimit;

        var expected = estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations).Where(c => c.ApplicationSecurityGroupIds.Length > 2);
        Assert.Equal(expected, beyondLimit);
        Assert.Equal(3, beyondLimit.Count);
        Assert.All(asgs, a => Assert.Equal(Gathered(estate).MembersOf(a)?.Count, membership.MembersOf(a)?.Count));
    }

    // Every NIC of the estate, in its order, as the validator's pass hands them to the ASG rule.
    private static AsgMembership Gathered(Estate estate, int asgsPerIpConfiguration = int.MaxValue)
    {
        var membership = new AsgMembership(estate, asgsPerIpConfiguration);
        foreach (var nic in estate.NetworkInterfaces)
        {
            membership.Add(nic);
        }

        return membership;
    }

    private static NetworkInterface Nic(string name, ResourceId[] first, ResourceId[] second)
    {
        var id = EstateBuilder.Id("networkInterfaces", name);
        return new NetworkInterface
        {
            Id = id,
            IpConfigurations =
            [
                new NetworkInterfaceIpConfiguration { Id = id.Child("ipConfigurations", "ipconfig1"), ApplicationSecurityGroupIds = [.. first] },
                new NetworkInterfaceIpConfiguration { Id = id.Child("ipConfigurations", "ipconfig2"), ApplicationSecurityGroupIds = [.. second] },
            ],
        };
    }
}
