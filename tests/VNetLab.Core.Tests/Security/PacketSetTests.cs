using FsCheck;
using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Security;

namespace VNetLab.Core.Tests.Security;

public class PacketSetTests
{
    private static readonly Gen<AddressSet> Addresses =
        Gen.Frequency(
            (1, Gen.Constant(AddressSet.All)),
            (4, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(
                from b in Gen.Elements("10.0.0.0", "10.0.0.128", "10.0.1.0", "192.168.0.0")
                from length in Gen.Elements(8, 24, 25, 32)
                select IpPrefix.Create(IpAddress.Parse(b), length), n)).Select(p => AddressSet.FromPrefixes(p))));

    private static readonly Gen<PortSet> Ports =
        Gen.Frequency(
            (1, Gen.Constant(PortSet.All)),
            (3, Gen.Elements(PortRange.Parse("22"), PortRange.Parse("80"), PortRange.Parse("0-100"), PortRange.Parse("50-60000"))
                .Two().Select(p => PortSet.FromRanges([p.Item1, p.Item2]))));

    private static readonly Gen<PacketSet> Sets =
        Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(
            from protocols in Gen.Elements(ProtocolSet.All, ProtocolSet.Of(SecurityProtocol.Tcp), ProtocolSet.Of(SecurityProtocol.Udp, SecurityProtocol.Icmp))
            from sources in Addresses
            from destinations in Addresses
            from sourcePorts in Ports
            from destinationPorts in Ports
            from withPorts in Gen.Elements(true, false)
            select withPorts
                ? PacketSet.Where(protocols, sources, destinations, sourcePorts, destinationPorts)
                : PacketSet.Where(protocols, sources, destinations), n))
        .Select(sets => sets.Aggregate(PacketSet.Empty, (a, b) => a.Union(b)));

    private static readonly Gen<Packet> Packets =
        from protocol in Gen.Elements(Enum.GetValues<SecurityProtocol>())
        from source in Gen.Elements("10.0.0.1", "10.0.0.200", "10.0.1.9", "192.168.0.0", "8.8.8.8")
        from destination in Gen.Elements("10.0.0.1", "10.0.0.130", "10.0.1.0", "192.168.0.1", "1.1.1.1")
        from sourcePort in Gen.Elements(0, 22, 80, 100, 50000)
        from destinationPort in Gen.Elements(0, 22, 80, 100, 60001)
        select Packet.Create(protocol, IpAddress.Parse(source), sourcePort, IpAddress.Parse(destination), destinationPort);

    [Fact]
    public void Set_operations_agree_with_membership_and_keep_cubes_disjoint()
    {
        var cases = from a in Sets from b in Sets from packets in Gen.ArrayOf(Packets, 20) select (a, b, packets);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (a, b, packets) = c;
            var union = a.Union(b);
            var intersection = a.Intersect(b);
            var difference = a.Except(b);
            var complement = a.Complement();
            var simplified = union.Simplify();
            return packets.All(p =>
                    union.Contains(p) == (a.Contains(p) || b.Contains(p))
                    && intersection.Contains(p) == (a.Contains(p) && b.Contains(p))
                    && difference.Contains(p) == (a.Contains(p) && !b.Contains(p))
                    && complement.Contains(p) == !a.Contains(p)
                    && simplified.Contains(p) == union.Contains(p)
                    && a.Reverse().Contains(p.Reverse()) == a.Contains(p))
                && new[] { union, intersection, difference, complement, simplified }.All(Disjoint)
                && union.SetEquals(simplified)
                && a.IsSubsetOf(union)
                && difference.Overlaps(b) == false
                && (!a.TryGetSample(out var sample) || a.Contains(sample));
        }));
    }

    [Fact]
    public void The_universe_gives_portless_protocols_port_zero_only()
    {
        Assert.True(PacketSet.All.Contains(Packet.Create(SecurityProtocol.Icmp, IpAddress.Parse("10.0.0.1"), 80, IpAddress.Parse("10.0.0.2"), 443)));
        Assert.False(PacketSet.All.Contains(new Packet(SecurityProtocol.Icmp, IpAddress.Parse("10.0.0.1"), 80, IpAddress.Parse("10.0.0.2"), 443)));
        Assert.True(PacketSet.All.Complement().IsEmpty);
        Assert.Equal(0, Packet.Create(SecurityProtocol.Esp, IpAddress.Parse("10.0.0.1"), 80, IpAddress.Parse("10.0.0.2"), 443).DestinationPort);
    }

    [Fact]
    public void Where_with_ports_leaves_portless_protocols_out()
    {
        var web = PacketSet.Where(destinationPorts: PortSet.FromPort(443));

        Assert.True(web.Contains(Packet.Create(SecurityProtocol.Udp, IpAddress.Parse("10.0.0.1"), 1, IpAddress.Parse("10.0.0.2"), 443)));
        Assert.False(web.Contains(Packet.Create(SecurityProtocol.Icmp, IpAddress.Parse("10.0.0.1"), 0, IpAddress.Parse("10.0.0.2"), 0)));
    }

    private static bool Disjoint(PacketSet set) =>
        set.Cubes.Select((a, i) => set.Cubes.Skip(i + 1).All(b => !a.Overlaps(b))).All(x => x) && set.Cubes.All(c => !c.IsEmpty);
}
