using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Benchmarks;

/// <summary>A next-hop question: from a subnet, to an address.</summary>
public readonly record struct NextHopQuery(Subnet Subnet, IpAddress Destination);

/// <summary>An IP flow verify question for a NIC, in Network Watcher's terms.</summary>
public readonly record struct FlowQuery(NetworkInterface Nic, SecurityRuleDirection Direction, string Protocol,
    IpAddress Local, int LocalPort, IpAddress Remote, int RemotePort);

/// <summary>
/// Fixed, seeded sets of questions over an estate, so that the engine and the reference answer exactly the
/// same questions in a run. The mix follows what people ask: on-premises and other spokes first, then the
/// Internet and the local VNet.
/// </summary>
public static class QuerySets
{
    public const int QueryCount = 1_000;

    /// <summary>At most this many distinct subnets or NICs are asked about, so per-query setup stays small on the large estate.</summary>
    public const int Sources = 200;

    private static readonly int[] _ports = [22, 53, 80, 443, 445, 1433, 3389, 5432, 8080, 8443];

    public static NextHopQuery[] NextHop(Estate estate, int seed = BenchmarkEstates.Seed)
    {
        var random = new Random(seed);
        var subnets = SpokeSubnets(estate).OrderBy(_ => random.Next()).Take(Sources).ToArray();
        var destinations = Destinations(estate, random);
        return [.. Enumerable.Range(0, QueryCount).Select(i => new NextHopQuery(subnets[i % subnets.Length], destinations(subnets[i % subnets.Length])))];
    }

    public static FlowQuery[] Flow(Estate estate, int seed = BenchmarkEstates.Seed)
    {
        var random = new Random(seed);
        var nics = estate.NetworkInterfaces.Where(n => n.Name.StartsWith("vm-0", StringComparison.Ordinal) && n.PrimaryIpConfiguration?.PrivateIpAddress is not null)
            .OrderBy(n => n.Id).ToList().OrderBy(_ => random.Next()).Take(Sources).ToArray();
        var destinations = Destinations(estate, random);
        return [.. Enumerable.Range(0, QueryCount).Select(i =>
        {
            var nic = nics[i % nics.Length];
            var local = nic.PrimaryIpConfiguration?.PrivateIpAddress ?? default;
            var subnet = estate.SubnetOf(nic) ?? throw new InvalidOperationException(nic.Id.ToString());
            var inbound = random.Next(2) == 0;
            var port = _ports[random.Next(_ports.Length)];
            return new FlowQuery(nic, inbound ? SecurityRuleDirection.Inbound : SecurityRuleDirection.Outbound, random.Next(5) == 0 ? "Udp" : "Tcp",
                local, inbound ? port : 49152 + random.Next(10_000), destinations(subnet), inbound ? 49152 + random.Next(10_000) : port);
        })];
    }

    private static List<Subnet> SpokeSubnets(Estate estate) =>
        [.. estate.AllSubnets.Where(p => p.VirtualNetwork.Name.StartsWith("vnet-spoke-", StringComparison.Ordinal)).Select(p => p.Subnet).OrderBy(s => s.Id)];

    private static Func<Subnet, IpAddress> Destinations(Estate estate, Random random)
    {
        var onPremises = estate.ExternalSites.SelectMany(s => s.AdvertisedPrefixes).OrderBy(p => p).ToArray();
        var vnets = estate.VirtualNetworks.OrderBy(v => v.Id).ToArray();
        return subnet =>
        {
            var draw = random.Next(10);
            IpPrefix prefix;
            if (draw < 4)
            {
                prefix = onPremises[random.Next(onPremises.Length)];
            }
            else if (draw < 7)
            {
                prefix = vnets[random.Next(vnets.Length)].AddressSpace[0].Prefix;
            }
            else if (draw < 9)
            {
                return IpAddress.FromV4((uint)(random.Next(1, 223) << 24) | (uint)random.Next(1 << 24));
            }
            else
            {
                prefix = subnet.AddressPrefixes[0].Prefix;
            }

            var size = prefix.Size > uint.MaxValue ? uint.MaxValue : (uint)prefix.Size;
            var offset = (uint)random.NextInt64(0, size);
            return IpAddress.FromV4(prefix.Network.V4Value + offset);
        };
    }
}
