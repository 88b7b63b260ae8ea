using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Model;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Analysis;

/// <summary>
/// Who holds an address when two NICs claim it (Azure rejects a static private IP already allocated to another IP configuration, constraints.md 2.11;
/// validation reports it): the one with the lowest id, whatever order the estate lists them in, so traces and the
/// reach matrix do not depend on the order of the input files.
/// </summary>
public sealed class EstateAddressesTests
{
    private static readonly ResourceId _web = SubnetId("vnet-a", "web");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [Trait("fact", "constraints.md 2.11")]
    public void A_duplicated_address_belongs_to_the_nic_with_the_lowest_id_in_any_order(bool reversed)
    {
        Resource[] nics = [Nic("nic-b", _web, "10.0.1.4"), Nic("nic-a", _web, "10.0.1.4"), Nic("nic-c", _web, "10.0.1.5")];
        var estate = Estate.Create([Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24")), .. reversed ? nics.Reverse() : nics]);

        var addresses = NetworkAnalysis.Compile(estate).Addresses;

        Assert.Equal("nic-a", addresses.NetworkInterfaceAt(IpAddress.Parse("10.0.1.4"))?.Name);
        Assert.Equal("nic-c", addresses.NetworkInterfaceAt(IpAddress.Parse("10.0.1.5"))?.Name);
        Assert.Null(addresses.NetworkInterfaceAt(IpAddress.Parse("10.0.1.6")));
    }

    [Fact]
    public void Host_addresses_are_every_nic_address_once_in_ascending_order()
    {
        var random = new Random(20261122);
        var hosts = Enumerable.Range(0, 200).Select(_ => $"10.0.{random.Next(1, 3)}.{random.Next(4, 250)}").ToArray();
        Resource[] nics = [.. hosts.Select((address, i) => Nic($"nic-{i}", address.StartsWith("10.0.1.", StringComparison.Ordinal) ? _web : SubnetId("vnet-a", "app"), address))];
        var estate = Estate.Create([Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24"), Subnet("vnet-a", "app", "10.0.2.0/24")), .. nics]);

        var addresses = NetworkAnalysis.Compile(estate).Addresses;

        Assert.Equal(hosts.Distinct().Select(IpAddress.Parse).Order(), addresses.HostAddresses);

        // Sorted once: every read hands out the same array.
        Assert.Same(ImmutableCollectionsMarshal.AsArray(addresses.HostAddresses), ImmutableCollectionsMarshal.AsArray(addresses.HostAddresses));
    }

    [Fact]
    public void Host_addresses_list_ipv4_before_ipv6_and_an_address_a_nic_and_a_firewall_both_hold_twice()
    {
        var app = SubnetId("vnet-a", "app");
        Resource[] resources =
        [
            Vnet("vnet-a", "10.0.0.0/16", Subnet("vnet-a", "web", "10.0.1.0/24"), Subnet("vnet-a", "app", "fd00:0:0:2::/64")),
            Nic("nic-v6-b", app, "fd00:0:0:2::9"),
            Nic("nic-b", _web, "10.0.1.9"),
            Nic("nic-v6-a", app, "fd00:0:0:2::4"),
            Nic("nic-a", _web, "10.0.1.4"),
            AnalysisEstate.Firewall("fw", _web, "10.0.1.4"),
            AnalysisEstate.Firewall("fw-2", _web, "10.0.1.6"),
        ];

        var addresses = NetworkAnalysis.Compile(Estate.Create(resources)).Addresses;

        Assert.Equal(["10.0.1.4", "10.0.1.4", "10.0.1.6", "10.0.1.9", "fd00:0:0:2::4", "fd00:0:0:2::9"],
            addresses.HostAddresses.Select(a => a.ToString()));
        Assert.Equal(addresses.HostAddresses.Where(a => a.IsV4).Select(a => a.V4Value), addresses.HostsV4.Addresses);
    }
}
