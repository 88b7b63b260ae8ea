using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation.Walks;

/// <summary>
/// A validator pass holds the NICs of the VNet being checked, so its rules find a configuration's NIC without the
/// estate's index: the answer must be the index's, for held and other NICs alike.
/// </summary>
public sealed class ValidationPassHoldTests
{
    [Fact]
    public void NetworkInterfaceOf_AnswersAsTheEstatesIndex_WhateverThePassHolds()
    {
        var own = EstateBuilder.Id("networkInterfaces", "nic1");
        var other = EstateBuilder.Id("networkInterfaces", "nic2");
        var gone = EstateBuilder.Id("networkInterfaces", "gone");
        var shared = new NetworkInterfaceIpConfiguration { Id = own.Child("ipConfigurations", "shared") };
        var first = new NetworkInterface
        {
            Id = own,
            IpConfigurations = [new NetworkInterfaceIpConfiguration { Id = own.Child("ipConfigurations", "ipconfig1") }, shared],
        };

        // A NIC listing configurations whose ids name another NIC, one the estate lacks, and the first NIC's own object.
        var second = new NetworkInterface
        {
            Id = other,
            IpConfigurations =
            [
                new NetworkInterfaceIpConfiguration { Id = other.Child("ipConfigurations", "ipconfig1") },
                new NetworkInterfaceIpConfiguration { Id = own.Child("ipConfigurations", "elsewhere") },
                new NetworkInterfaceIpConfiguration { Id = gone.Child("ipConfigurations", "ipconfig1") },
                shared,
            ],
        };
        var estate = Estate.Create([first, second]);
        var configurations = estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations).ToList();
        var nics = estate.NetworkInterfaces.ToArray();

        foreach (var held in new[] { nics[..0], nics[..1], nics[1..], nics, [nics[1], nics[0]] })
        {
            var pass = new ValidationPass(estate);
            pass.Hold(held);
            Assert.All(configurations, c => Assert.Same(estate.Find<NetworkInterface>(c.NetworkInterfaceId), pass.NetworkInterfaceOf(c)));
        }

        Assert.Null(new ValidationPass(estate).NetworkInterfaceOf(second.IpConfigurations[2]));
    }

    [Fact]
    public void AnEstate_VouchesForItsConfigurations_OnlyWhenEveryOneIsUnderTheNicListingIt()
    {
        var nic1 = EstateBuilder.Id("networkInterfaces", "nic1");
        var nic2 = EstateBuilder.Id("networkInterfaces", "nic2");
        NetworkInterface Nic(ResourceId id, params ResourceId[] configurations) =>
            new() { Id = id, IpConfigurations = [.. configurations.Select(c => new NetworkInterfaceIpConfiguration { Id = c })] };

        var own = Estate.Create([Nic(nic1, nic1.Child("ipConfigurations", "a"), nic1.Child("ipConfigurations", "b")), Nic(nic2, nic2.Child("ipConfigurations", "a"))]);
        var elsewhere = Estate.Create([Nic(nic1, nic1.Child("ipConfigurations", "a")), Nic(nic2, nic2.Child("ipConfigurations", "a"), nic1.Child("ipConfigurations", "b"))]);
        var topLevel = Estate.Create([Nic(nic1, EstateBuilder.Id("ipConfigurations", "a"))]);
        var cased = Estate.Create([Nic(nic1, ResourceId.Parse(nic1.Value.ToUpperInvariant()).Child("ipConfigurations", "a"))]);

        Assert.True(own.IpConfigurationsAreUnderTheirNetworkInterfaces);
        Assert.False(elsewhere.IpConfigurationsAreUnderTheirNetworkInterfaces);
        Assert.False(topLevel.IpConfigurationsAreUnderTheirNetworkInterfaces);
        Assert.True(cased.IpConfigurationsAreUnderTheirNetworkInterfaces);
        Assert.True(Estate.Empty.IpConfigurationsAreUnderTheirNetworkInterfaces);

        // Either way the pass answers as the estate's index, for held and other NICs.
        foreach (var estate in new[] { own, elsewhere, topLevel, cased })
        {
            var pass = new ValidationPass(estate);
            pass.Hold(estate.NetworkInterfaces.AsSpan()[..1]);
            Assert.All(estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations),
                c => Assert.Same(estate.Find<NetworkInterface>(c.NetworkInterfaceId), pass.NetworkInterfaceOf(c)));
        }
    }

    [Fact]
    public void Hold_ReplacesWhatWasHeld()
    {
        var id = EstateBuilder.Id("networkInterfaces", "nic1");
        var config = new NetworkInterfaceIpConfiguration { Id = id.Child("ipConfigurations", "ipconfig1") };
        var nic = new NetworkInterface { Id = id, IpConfigurations = [config] };
        var estate = Estate.Create([nic]);
        var stale = nic with { };
        var pass = new ValidationPass(estate);

        // A held NIC answers for its configurations; once replaced, the index answers again.
        pass.Hold([stale]);
        Assert.Same(stale, pass.NetworkInterfaceOf(config));
        pass.Hold([]);
        Assert.Same(nic, pass.NetworkInterfaceOf(config));
    }
}
