using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;
using VNetLab.Testing.Reference;
using VNetLab.Validation;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// The engines agree with the generator and with the reference engine, their oracle, on generated estates:
/// validation finds the planted violations and nothing else; routing gives every subnet the reference's
/// effective routes and the same next hop to addresses from on-premises, the spokes, the hubs and the Internet.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class EngineAgreementTests
{
    private readonly TinyEstateFixture _fixture;

    public EngineAgreementTests(TinyEstateFixture fixture) => _fixture = fixture;

    [Fact]
    [Trait("fact", "constraints.md 1.1")]
    [Trait("fact", "constraints.md 2.3")]
    [Trait("fact", "constraints.md 6.1")]
    [Trait("fact", "constraints.md 7.2")]
    public void Validation_finds_exactly_the_planted_violations_with_azures_messages()
    {
        var findings = Validator.Default.Validate(_fixture.Estate).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        Assert.All(findings, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(
            _fixture.Manifest.Violations.Select(v => (v.ResourceId, v.AzureCode, v.Message)).Order(),
            findings.Select(d => (d.ResourceId?.ToString() ?? string.Empty, d.AzureCode, d.Message)).Order());
    }

    [Fact]
    [Trait("fact", "semantics.md 6")]
    public void Every_subnets_effective_routes_match_the_reference()
    {
        var estate = _fixture.Estate;
        var compiled = RoutingCompiler.Compile(estate);
        var reference = new ReferenceRouting(estate);

        var compared = new List<ReferenceRoute>();
        foreach (var (subnet, expected) in reference.AllSubnets())
        {
            var actual = compiled.EffectiveRoutesOf(subnet.Id)
                .SelectMany(r => r.AddressPrefixes.Select(p => $"{r.Source} {r.State} {p} {r.NextHopType}"))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected.Select(r => $"{r.Source} {r.State} {r.Prefix} {r.NextHopType}").Order(StringComparer.Ordinal), actual);
            compared.AddRange(expected);
        }

        // The comparison covered every kind of row, not just the trivial ones: a UDR shadows a gateway route, and the
        // planted RouteConflict leaves a second User 0.0.0.0/0 Invalid.
        Assert.Equal(
            ["Default Active", "Default Invalid", "User Active", "User Invalid", "VirtualNetworkGateway Active", "VirtualNetworkGateway Invalid"],
            compared.Select(r => $"{r.Source} {r.State}").Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(compared, r => r.NextHopType == "VNetGlobalPeering");
    }

    [Fact]
    [Trait("fact", "semantics.md 3.1")]
    [Trait("fact", "semantics.md 1.3")]
    public void Next_hops_match_the_reference_for_any_seed_and_destination()
    {
        // A handful of generated estates (each takes a fraction of a second), many destinations in each.
        Prop.ForAll(Arb.From(Gen.Choose(1, 1_000_000)), seed =>
        {
            using var generated = new GeneratedEstate(GeneratedEstate.Tiny with { Seed = seed, Spokes = 6, OnPremisesPrefixes = 40 });
            var estate = generated.Import().Estate;
            var compiled = RoutingCompiler.Compile(estate);
            var reference = new ReferenceRouting(estate);
            var random = new Random(seed);
            var interesting = estate.ExternalSites.SelectMany(s => s.AdvertisedPrefixes)
                .Concat(estate.VirtualNetworks.SelectMany(v => v.AddressSpace.Select(a => a.Prefix)))
                .Concat(estate.RouteTables.SelectMany(t => t.Routes).Select(r => r.Prefix).OfType<IpPrefix>())
                .ToList();
            foreach (var (_, subnet) in estate.AllSubnets)
            {
                var routes = reference.EffectiveRoutes(subnet);
                for (var i = 0; i < 50; i++)
                {
                    var destination = i % 5 == 0
                        ? IpAddress.FromV4((uint)random.NextInt64(0, 1L << 32))
                        : Inside(interesting[random.Next(interesting.Count)], random);
                    var expected = reference.NextHop(subnet, routes, destination);
                    Assert.True(compiled.TryGetNextHop(subnet.Id, destination, out var actual));
                    Assert.Equal(
                        (expected.NextHopType, expected.NextHopIpAddress, expected.RouteTableId),
                        (actual.NextHopType.ToString(), actual.NextHopIpAddress, actual.RouteTableId));
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(4));
    }

    [Fact]
    [Trait("fact", "semantics.md 4.3")]
    [Trait("fact", "semantics.md 4.5")]
    [Trait("fact", "semantics.md 4.6")]
    public void Flow_verdicts_match_the_reference_for_every_nic()
    {
        var estate = _fixture.Estate;
        var routing = RoutingCompiler.Compile(estate);
        var security = SecurityCompiler.Compile(estate, SecurityRoutingInputs.WithRouting(SecurityOptions.Default, routing));
        var reference = new ReferenceSecurity(new ReferenceRouting(estate));
        var random = new Random(20_261_122);
        var remotes = estate.ExternalSites.SelectMany(s => s.AdvertisedPrefixes)
            .Concat(estate.VirtualNetworks.SelectMany(v => v.AddressSpace.Select(a => a.Prefix)))
            .Concat(estate.NetworkSecurityGroups.SelectMany(n => n.SecurityRules).SelectMany(r => r.SourceAddressPrefixes.Concat(r.DestinationAddressPrefixes))
                .Select(p => IpPrefix.TryParseAddressOrPrefix(p, out var prefix, out _) ? prefix : (IpPrefix?)null).OfType<IpPrefix>())
            .Append(IpPrefix.Parse("0.0.0.0/0"))
            .ToList();
        int[] ports = [22, 53, 80, 123, 443, 1433, 3389, 5986, 8443, 9092];
        var decisions = new HashSet<string>();

        foreach (var nic in estate.NetworkInterfaces)
        {
            var local = nic.PrimaryIpConfiguration?.PrivateIpAddress ?? throw new InvalidOperationException(nic.Name);
            var engine = security.For(nic);
            var prepared = reference.Prepare(nic);
            for (var i = 0; i < 40; i++)
            {
                var direction = i % 2 == 0 ? SecurityRuleDirection.Inbound : SecurityRuleDirection.Outbound;
                var protocol = i % 5 == 0 ? SecurityProtocol.Udp : SecurityProtocol.Tcp;
                var remote = Inside(remotes[random.Next(remotes.Count)], random);
                var (localPort, remotePort) = direction == SecurityRuleDirection.Inbound
                    ? (ports[random.Next(ports.Length)], 50_000)
                    : (50_000, ports[random.Next(ports.Length)]);

                var expected = prepared.Verify(direction, protocol.ToString(), local, localPort, remote, remotePort);
                var actual = engine.Evaluate(direction, Packet.ForDirection(direction, protocol, local, localPort, remote, remotePort));
                Assert.True((expected.Access, expected.RuleName) == (actual.Access, actual.RuleName),
                    $"{nic.Name} {direction} {protocol} {local}:{localPort} {remote}:{remotePort}: reference {expected.Access} {expected.RuleName}, engine {actual}");
                decisions.Add(expected.RuleName ?? "(none)");
            }
        }

        // Custom and default rules of both directions decided somewhere, an ASG rule among them.
        Assert.Superset(
            new HashSet<string>
            {
                "securityRules/Deny-All-Inbound", "securityRules/Deny-Internet-Outbound", "securityRules/Allow-Mgmt-From-OnPrem",
                "securityRules/Allow-Https-From-OnPrem-To-Web", "defaultSecurityRules/AllowVnetOutBound", "defaultSecurityRules/DenyAllOutBound",
            },
            decisions);
    }

    private static IpAddress Inside(IpPrefix prefix, Random random)
    {
        var size = prefix.Size > uint.MaxValue ? uint.MaxValue : (uint)prefix.Size;
        return IpAddress.FromV4(prefix.Network.V4Value + (uint)random.NextInt64(0, size));
    }
}
