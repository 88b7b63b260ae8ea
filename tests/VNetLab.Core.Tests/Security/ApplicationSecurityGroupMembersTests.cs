using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;
using static VNetLab.Core.Tests.Security.SecurityEstate;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// An ASG's members are the private addresses of the IP configurations that carry it, however they are spread: NICs of
/// several tiers in any order, configurations with several ASGs or none, repeated and adjacent addresses, both
/// families, configurations without an address. Checked against the union of each member's address, seeded.
/// </summary>
public class ApplicationSecurityGroupMembersTests
{
    [Fact]
    public void Each_asg_holds_exactly_its_members_addresses()
    {
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new Random(seed);
            var asgs = Enumerable.Range(0, random.Next(1, 6)).Select(i => AsgId($"asg-{i}")).ToArray();
            var nics = new List<NetworkInterface>();
            for (var n = 0; n < random.Next(0, 40); n++)
            {
                var configurations = Enumerable.Range(0, random.Next(1, 3)).Select(c => new NetworkInterfaceIpConfiguration
                {
                    Id = Id("networkInterfaces", $"nic-{n}").Child("ipConfigurations", $"ipconfig{c}"),
                    PrivateIpAddress = RandomAddress(random),
                    SubnetId = SubnetId("vnet1", "web"),
                    Primary = c == 0,
                    // Fresh id objects, as an import makes them, in runs of one tier and mixed.
                    ApplicationSecurityGroupIds = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => AsgId($"asg-{random.Next(asgs.Length)}"))],
                }).ToList();
                nics.Add(new NetworkInterface { Id = Id("networkInterfaces", $"nic-{n}"), IpConfigurations = [.. configurations] });
            }

            var members = ApplicationSecurityGroupMembers.Of(Estate.Create(nics));

            foreach (var asg in asgs.Append(AsgId("never-carried")))
            {
                var expected = nics.SelectMany(n => n.IpConfigurations)
                    .Where(c => c.PrivateIpAddress is not null && c.ApplicationSecurityGroupIds.Contains(asg))
                    .Select(c => AddressSet.FromAddress(c.PrivateIpAddress.GetValueOrDefault()))
                    .Aggregate(AddressSet.Empty, (set, address) => set.Union(address));
                var carried = nics.SelectMany(n => n.IpConfigurations)
                    .Any(c => c.PrivateIpAddress is not null && c.ApplicationSecurityGroupIds.Contains(asg));
                Assert.Equal(expected, members.Of(asg));
                Assert.Equal(carried, members.HasMembers(asg));
            }
        }
    }

    // Few distinct addresses near each other and at the ends of the space, so repeats, neighbours and the last address
    // all occur; now and then none, or IPv6.
    private static IpAddress? RandomAddress(Random random) => random.Next(10) switch
    {
        0 => null,
        1 => IpAddress.FromV6(((UInt128)0x2001_0db8 << 96) + (UInt128)random.Next(6)),
        2 => IpAddress.FromV4(uint.MaxValue - (uint)random.Next(3)),
        3 => IpAddress.FromV4((uint)random.Next(3)),
        _ => IpAddress.FromV4(0x0a00_0000u + (uint)random.Next(12)),
    };
}
