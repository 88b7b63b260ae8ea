using VNetLab.Analysis;
using VNetLab.Analysis.Reachability;
using VNetLab.Model;
using VNetLab.Testing;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// The reach matrix's set-up builds its pruning indexes in parallel and from the address index's dictionaries: on the
/// generated estate and every example, the egress set walked in several runs must be the one-run set, and the IPv4 hosts
/// must be every host address in order with the holder a lookup gives (a NIC before a firewall).
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class ReachSetUpIndexesTests
{
    private readonly TinyEstateFixture _fixture;

    public ReachSetUpIndexesTests(TinyEstateFixture fixture) => _fixture = fixture;

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void The_egress_set_walked_in_several_runs_is_the_one_run_set()
    {
        foreach (var analysis in Analyses())
        {
            var routing = analysis.Routing;
            var whole = EgressAddresses.For(routing, 1);
            Assert.Equal(whole, EgressAddresses.For(routing));
            for (var runs = 2; runs <= 5; runs++)
            {
                Assert.Equal(whole, EgressAddresses.For(routing, runs));
            }
        }

        Assert.False(EgressAddresses.For(NetworkAnalysis.Compile(_fixture.Estate).Routing, 3).IsEmpty, "the generated estate routes nothing out: the test would see no parts to unite");
    }

    [Fact]
    public void The_ipv4_hosts_are_every_host_address_in_order_with_its_holder()
    {
        var firewalls = 0;
        foreach (var analysis in Analyses())
        {
            var addresses = analysis.Addresses;
            var expected = addresses.HostAddresses.Where(a => a.IsV4)
                .Select(a => (a.V4Value, (Resource?)addresses.NetworkInterfaceAt(a) ?? addresses.FirewallAt(a)))
                .ToList();

            var hosts = addresses.HostsV4;

            Assert.Equal(expected.Select(e => e.V4Value), hosts.Addresses);
            Assert.Equal(expected.Count, hosts.Holders.Length);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Same(expected[i].Item2, hosts.Holders[i]);
            }

            firewalls += hosts.Holders.Count(h => h is AzureFirewall);
        }

        Assert.True(firewalls > 0, "no firewall address: the test would not see a holder other than a NIC");
    }

    [Fact]
    public void A_nic_and_a_firewall_on_one_address_list_it_twice_as_the_nics()
    {
        // Invalid (validation reports it), but the index must still say what the lookups say.
        var estate = _fixture.Estate;
        var firewall = estate.AzureFirewalls.First();
        var nic = estate.NetworkInterfaces.First(n => n.IpConfigurations[0].PrivateIpAddress is { IsV4: true });
        var address = nic.IpConfigurations[0].PrivateIpAddress ?? throw new InvalidOperationException();
        var clash = firewall with { IpConfigurations = firewall.IpConfigurations.SetItem(0, firewall.IpConfigurations[0] with { PrivateIpAddress = address }) };
        var addresses = NetworkAnalysis.Compile(estate.With(clash)).Addresses;

        var hosts = addresses.HostsV4;

        var at = Enumerable.Range(0, hosts.Addresses.Length).Where(i => hosts.Addresses[i] == address.V4Value).ToList();
        Assert.Equal(2, at.Count);
        Assert.All(at, i => Assert.Same(nic, hosts.Holders[i]));
        Assert.Equal(addresses.HostAddresses.Count(a => a.IsV4), hosts.Addresses.Length);
    }

    private IEnumerable<NetworkAnalysis> Analyses()
    {
        yield return NetworkAnalysis.Compile(_fixture.Estate);
        foreach (var example in RepositoryPaths.ExampleNames())
        {
            yield return NetworkAnalysis.Compile(ExampleEstates.Read(example));
        }
    }
}
