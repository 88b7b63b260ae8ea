using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Arm.Import;
using VNetLab.Model;
using VNetLab.Testing;
using VNetLab.Testing.Reference.Reachability;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// Issue #7 (reachability at scale): the pruned, parallel reach matrix gives exactly the rows of the traced one
/// (<see cref="TracedReachabilityMatrix"/>, a trace per packet class): same sources, destinations, protocols, ports,
/// completeness and exits, in the same order, on every example estate and on generated estates (a fixed list of
/// seeds, so CI repeats itself), for the whole matrix and for selections.
/// </summary>
public sealed class ReachAgreementTests
{
    private static readonly EstateGeneratorOptions _small = new()
    {
        Hubs = 1, Spokes = 4, SubnetsPerSpoke = 2, NicsPerSubnet = 2, OnPremisesPrefixes = 20, NsgRules = 12, Udrs = 3,
    };

    public static TheoryData<string> Examples() => [.. RepositoryPaths.ExampleNames()];

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Example_matrices_agree_with_the_traced_matrix(string example)
    {
        var import = EstateReader.Read([Path.Combine(RepositoryPaths.Example(example), "estate")]);
        AssertAgreement(import.Estate);
    }

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Generated_matrices_agree_with_the_traced_matrix()
    {
        // Fixed seeds keep CI repeatable; each seed is a different generated estate.
        foreach (var seed in Enumerable.Range(0, 3).Select(i => (i * 7919) + 301))
        {
            using var generated = new GeneratedEstate(_small with { Seed = seed, IncludeViolations = seed % 2 == 0 }, maxDegreeOfParallelism: 1);
            var import = generated.Import();
            AssertAgreement(import.Estate);
        }
    }

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Matrix_agrees_where_a_rule_or_a_route_singles_out_one_on_premises_prefix()
    {
        // Work that serves many on-premises prefixes at once (filter verdicts per class, one walk per group of
        // destination atoms) must still see a rule that names one of those prefixes, or a UDR that splits one.
        using var generated = new GeneratedEstate(_small with { Seed = 4243 }, maxDegreeOfParallelism: 1);
        var estate = generated.Import().Estate;
        var onPremises = estate.ExternalSites.SelectMany(s => s.AddressSpace.Concat(s.AdvertisedPrefixes))
            .Where(p => p.IsV4 && p.Length < 32).Distinct().OrderBy(p => p.ToString(), StringComparer.Ordinal).ToList();
        Assert.True(onPremises.Count >= 2);
        var named = onPremises[onPremises.Count / 2];
        var split = IpPrefix.Create(onPremises[^1].Network, onPremises[^1].Length + 1);
        var nsgs = estate.NetworkSecurityGroups.Select(n => n with
        {
            SecurityRules = n.SecurityRules
                .Add(Rule(n, "deny-one-onprem-https", 101, SecurityRuleDirection.Outbound, "Tcp", named.ToString(), "443"))
                .Add(Rule(n, "deny-one-onprem-inbound", 102, SecurityRuleDirection.Inbound, "*", named.ToString(), "*") with
                {
                    SourceAddressPrefixes = [named.ToString()],
                    DestinationAddressPrefixes = ["*"],
                }),
        });
        var tables = estate.RouteTables.Select(t => t with
        {
            Routes = t.Routes.Add(new Route
            {
                Id = t.Id.Child("routes", "split-onprem"),
                AddressPrefix = split.ToString(),
                Prefix = split,
                NextHopType = RouteNextHopType.None,
            }),
        });
        var changed = estate.With([.. nsgs, .. tables]);
        AssertAgreement(changed);

        // The changes must show in the rows, or this would check nothing the other facts do not.
        Assert.NotEqual(Rows(estate), Rows(changed));
    }

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Matrix_agrees_where_rules_and_routes_single_out_on_premises_prefixes_differently()
    {
        // One walk serves a class of site atoms, and one filter evaluation a class of the filters' own sets: two
        // prefixes of one site named by different rules, and UDRs sending single prefixes elsewhere (the firewall,
        // the Internet), must each come out as the traced matrix has them.
        using var generated = new GeneratedEstate(_small with { Seed = 5167 }, maxDegreeOfParallelism: 1);
        var estate = generated.Import().Estate;
        var onPremises = OnPremisesPrefixes(estate);
        Assert.True(onPremises.Count >= 5);
        var firewall = estate.AzureFirewalls.SelectMany(f => f.IpConfigurations).Select(c => c.PrivateIpAddress).OfType<IpAddress>().First();
        var nsgs = estate.NetworkSecurityGroups.Select(n => n with
        {
            SecurityRules = n.SecurityRules
                .Add(Rule(n, "deny-onprem-a-https", 101, SecurityRuleDirection.Outbound, "Tcp", onPremises[1].ToString(), "443"))
                .Add(Rule(n, "deny-onprem-b-udp", 103, SecurityRuleDirection.Outbound, "Udp", onPremises[2].ToString(), "*")),
        });
        var tables = estate.RouteTables.Select(t => t with
        {
            Routes = t.Routes
                .Add(new Route
                {
                    Id = t.Id.Child("routes", "onprem-c-to-firewall"),
                    AddressPrefix = onPremises[3].ToString(),
                    Prefix = onPremises[3],
                    NextHopType = RouteNextHopType.VirtualAppliance,
                    NextHopIpAddress = firewall,
                    NextHopIpAddressText = firewall.ToString(),
                })
                .Add(new Route
                {
                    Id = t.Id.Child("routes", "onprem-d-to-internet"),
                    AddressPrefix = onPremises[4].ToString(),
                    Prefix = onPremises[4],
                    NextHopType = RouteNextHopType.Internet,
                }),
        });
        var changed = estate.With([.. nsgs, .. tables]);
        AssertAgreement(changed);
        Assert.NotEqual(Rows(estate), Rows(changed));
    }

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Matrix_agrees_where_nic_addresses_lie_inside_a_site_range()
    {
        // A site whose ranges hold NIC addresses (two NICs of one subnet, and a whole subnet): those atoms are
        // delivered in Azure, each to its own NIC and NSG, and must not be walked as one with the site's other atoms.
        using var generated = new GeneratedEstate(_small with { Seed = 6311 }, maxDegreeOfParallelism: 1);
        var estate = generated.Import().Estate;
        var subnets = estate.AllSubnets.Select(p => p.Subnet)
            .Where(s => !s.IsGatewaySubnet && !s.IsAzureFirewallSubnet && estate.NetworkInterfacesIn(s.Id).Count() >= 2)
            .OrderBy(s => s.Id).ToList();
        Assert.True(subnets.Count >= 2);
        var nics = estate.NetworkInterfacesIn(subnets[0].Id).OrderBy(n => n.Id).Take(2)
            .Select(n => n.PrimaryIpConfiguration?.PrivateIpAddress).OfType<IpAddress>().ToList();
        Assert.Equal(2, nics.Count);
        var site = estate.ExternalSites.Where(s => s.Role is not (ExternalSiteRole.Internet or ExternalSiteRole.InternetProxy)).OrderBy(s => s.Id).First();
        var changed = estate.With([site with
        {
            AddressSpace = [.. site.AddressSpace, .. nics.Select(a => IpPrefix.Create(a, 32)), subnets[^1].AddressPrefixes[0].Prefix],
        }]);
        AssertAgreement(changed);
        Assert.NotEqual(Rows(estate), Rows(changed));
    }

    private static List<IpPrefix> OnPremisesPrefixes(Estate estate) => [.. estate.ExternalSites.SelectMany(s => s.AddressSpace.Concat(s.AdvertisedPrefixes))
        .Where(p => p.IsV4 && p.Length < 32).Distinct().OrderBy(p => p.ToString(), StringComparer.Ordinal)];

    private static List<string> Rows(Estate estate) => [.. new ReachabilityMatrix(NetworkAnalysis.Compile(estate)).Compute().Select(Describe)];

    private static SecurityRule Rule(NetworkSecurityGroup nsg, string name, int priority, SecurityRuleDirection direction, string protocol,
        string destination, string destinationPorts) => new()
        {
            Id = nsg.Id.Child("securityRules", name),
            Priority = priority,
            Direction = direction,
            Access = SecurityRuleAccess.Deny,
            Protocol = protocol,
            SourceAddressPrefixes = ["*"],
            DestinationAddressPrefixes = [destination],
            SourcePortRanges = ["*"],
            DestinationPortRanges = [destinationPorts],
        };

    private static void AssertAgreement(Estate estate)
    {
        var analysis = NetworkAnalysis.Compile(estate);
        var fast = new ReachabilityMatrix(analysis);
        var traced = new TracedReachabilityMatrix(analysis);
        foreach (var (from, to) in Selections(estate))
        {
            var expected = traced.Compute(from, to).Select(Describe).ToList();
            var actual = fast.Compute(from, to).Select(Describe).ToList();
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The whole matrix, then selections of every kind the resolver knows, from and to.</summary>
    private static IEnumerable<(EndpointSelector? From, EndpointSelector? To)> Selections(Estate estate)
    {
        yield return (null, null);
        var subnet = estate.AllSubnets.Where(p => !p.Subnet.IsGatewaySubnet && !p.Subnet.IsAzureFirewallSubnet)
            .OrderBy(p => p.Subnet.Id).Select(p => SelectorResolver.Label(p.VirtualNetwork, p.Subnet)).FirstOrDefault();
        if (subnet is not null)
        {
            yield return (new EndpointSelector(SelectorKind.Subnet, subnet), null);
            yield return (null, new EndpointSelector(SelectorKind.Subnet, subnet));
        }

        yield return (new EndpointSelector(SelectorKind.ExternalSite, "*"), null);
        yield return (EndpointSelector.Internet, null);
        yield return (null, new EndpointSelector(SelectorKind.VirtualNetwork, "*"));
        yield return (new EndpointSelector(SelectorKind.NetworkInterface, "*"), new EndpointSelector(SelectorKind.NetworkInterface, "*"));
        yield return (new EndpointSelector(SelectorKind.VirtualNetwork, "*"), new EndpointSelector(SelectorKind.ApplicationSecurityGroup, "*"));
        yield return (null, new EndpointSelector(SelectorKind.Prefix, "10.0.0.0/8") { Prefix = IpPrefix.Parse("10.0.0.0/8") });
    }

    private static string Describe(ReachRow row) =>
        $"{row.Source} -> {row.Destination}: " + string.Join("; ", row.Cells.Select(c => $"{c.Protocol} [{c.PortsText}] complete={c.Complete} exits={c.Exits}"));
}
