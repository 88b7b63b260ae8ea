using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// The compiled evaluator, and the symbolic allowed-packet sets, agree with <see cref="ReferenceEvaluator"/> on
/// random NSGs (both levels, both directions, tags, augmented lists, every protocol) and random packets.
/// </summary>
public class CompiledEvaluatorPropertyTests
{
    private const string VnetSpace = "10.1.0.0/16";

    private static readonly string[] Bases = ["10.1.1.0", "10.1.7.0", "10.9.0.0", "192.168.1.0", "100.64.3.0", "8.8.8.0", "203.0.113.0", "168.63.129.0"];

    private static readonly Gen<string> Prefix =
        from b in Gen.Elements(Bases)
        from length in Gen.Elements(8, 16, 24, 30, 32)
        from offset in Gen.Choose(0, 7)
        select IpPrefix.Create(IpAddress.FromV4(IpAddress.Parse(b).V4Value + (uint)offset), length).ToString();

    private static readonly Gen<string[]> AddressValues = Gen.Frequency(
        (3, Gen.Elements("*", "VirtualNetwork", "Internet", "AzureLoadBalancer").Select(static t => new[] { t })),
        (5, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Prefix, n))));

    private static readonly Gen<string[]> PortValues = Gen.Frequency(
        (3, Gen.Constant(new[] { "*" })),
        (4, Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements("22", "80", "443", "1000-2000", "0-100", "50000"), n))));

    private static readonly Gen<string> Protocol = Gen.Elements("*", "*", "Tcp", "Udp", "Icmp", "Esp", "Ah");

    private static readonly Gen<(string Protocol, string[] Sources, string[] SourcePorts, string[] Destinations, string[] DestinationPorts, bool Allow, bool Inbound)> RuleShape =
        from protocol in Protocol
        from sources in AddressValues
        from sourcePorts in Gen.Frequency((4, Gen.Constant(new[] { "*" })), (1, PortValues))
        from destinations in AddressValues
        from destinationPorts in PortValues
        from allow in Gen.Elements(true, false)
        from inbound in Gen.Elements(true, false)
        select (protocol, sources, sourcePorts, destinations, destinationPorts, allow, inbound);

    private static readonly Gen<NetworkSecurityGroup?> NsgGen =
        Gen.Frequency(
            (1, Gen.Constant<NetworkSecurityGroup?>(null)),
            (5, Gen.Choose(0, 8).SelectMany(count => Gen.ArrayOf(RuleShape, count)).Select(shapes => (NetworkSecurityGroup?)BuildNsg(shapes))));

    private static readonly Gen<string> HostAddress =
        Gen.Frequency(
            (8, Gen.Elements(Bases).Zip(Gen.Choose(0, 9), static (b, offset) => IpAddress.FromV4(IpAddress.Parse(b).V4Value + (uint)offset).ToString())),
            (1, Gen.Elements("168.63.129.16", "169.254.169.254", "2001:db8::1")));

    private static readonly Gen<Packet> PacketGen =
        from protocol in Gen.Elements(Enum.GetValues<SecurityProtocol>())
        from source in HostAddress
        from sourcePort in Gen.Elements(0, 22, 80, 443, 1500, 50000)
        from destination in HostAddress
        from destinationPort in Gen.Elements(0, 22, 80, 100, 443, 1000, 2000, 50000)
        select Packet.Create(protocol, IpAddress.Parse(source), sourcePort, IpAddress.Parse(destination), destinationPort);

    private static int _nsgCounter;

    [Fact]
    [Trait("fact", "semantics.md 4.1, 4.3")]
    public void Compiled_verdicts_and_symbolic_sets_agree_with_a_plain_first_match_evaluator()
    {
        var scenario =
            from subnetNsg in NsgGen
            from nicNsg in NsgGen
            from packets in Gen.ArrayOf(PacketGen, 12)
            select (subnetNsg, nicNsg, packets);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var (subnetNsg, nicNsg, packets) = s;
            var nic = CompileNic("nic", [
                Vnet("vnet1", VnetSpace, Subnet("vnet1", "s", "10.1.1.0/24") with { NetworkSecurityGroupId = subnetNsg?.Id }),
                Nic("nic", SubnetId("vnet1", "s"), "10.1.1.4") with { NetworkSecurityGroupId = nicNsg?.Id },
                .. new[] { subnetNsg, nicNsg }.OfType<NetworkSecurityGroup>()]);
            foreach (var packet in packets)
            {
                foreach (var direction in new[] { SecurityRuleDirection.Inbound, SecurityRuleDirection.Outbound })
                {
                    var expected = ReferenceEvaluator.Evaluate(subnetNsg, nicNsg, VnetSpace, direction, packet);
                    var actual = nic.Evaluate(direction, packet);
                    if ((actual.Access, actual.RuleName) != expected
                        || nic.AllowedPackets(direction).Contains(packet) != (expected.Access == SecurityRuleAccess.Allow)
                        || nic.Explain(direction, packet).Verdict != actual)
                    {
                        throw new InvalidOperationException(
                            $"{direction} {packet}: engine {actual.Access} {actual.RuleName}, reference {expected.Access} {expected.RuleName}, "
                            + $"symbolic {nic.AllowedPackets(direction).Contains(packet)}");
                    }
                }
            }

            return true;
        }));
    }

    private static NetworkSecurityGroup BuildNsg(
        (string Protocol, string[] Sources, string[] SourcePorts, string[] Destinations, string[] DestinationPorts, bool Allow, bool Inbound)[] shapes)
    {
        var name = "nsg" + Interlocked.Increment(ref _nsgCounter);
        return new NetworkSecurityGroup
        {
            Id = NsgId(name),
            SecurityRules = [.. shapes.Select((s, i) => new SecurityRule
            {
                Id = NsgId(name).Child("securityRules", "r" + i),
                Protocol = s.Protocol,
                SourceAddressPrefixes = [.. s.Sources],
                SourcePortRanges = [.. s.SourcePorts],
                DestinationAddressPrefixes = [.. s.Destinations],
                DestinationPortRanges = [.. s.DestinationPorts],
                Access = s.Allow ? SecurityRuleAccess.Allow : SecurityRuleAccess.Deny,
                Direction = s.Inbound ? SecurityRuleDirection.Inbound : SecurityRuleDirection.Outbound,

                // Distinct, shuffled priorities: evaluation order must come from them, not from the list.
                Priority = 4000 - (i * 37 % 17 * 100) - i,
            })],
        };
    }
}
