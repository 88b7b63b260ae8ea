using System.Collections.Immutable;
using VNetLab.Model;
using VNetLab.Validation.Prefetch;

namespace VNetLab.Core.Tests.Validation.Prefetch;

public sealed class SubjectPrefetchTests
{
    [Fact]
    public void The_nics_of_the_next_vnets_are_hinted_level_by_level_when_vnets_hold_as_many()
    {
        const int perVnet = 3;
        var levels = new Dictionary<int, List<int>>();
        for (var step = 0; step < 8; step++)
        {
            // After the VNet of this step, the next NIC is the first of the next VNet.
            var next = (step + 1) * perVnet;
            for (var level = 0; level < SubjectPrefetch.Depth; level++)
            {
                var (start, length) = SubjectPrefetch.NicsAt(next, perVnet, level).GetOffsetAndLength(int.MaxValue);
                for (var nic = start; nic < start + length; nic++)
                {
                    (levels.TryGetValue(nic, out var list) ? list : levels[nic] = []).Add(level);
                }
            }
        }

        // A NIC of the fifth VNet on is hinted at every level, in order, and none twice.
        for (var nic = 4 * perVnet; nic < 8 * perVnet; nic++)
        {
            Assert.Equal([0, 1, 2, 3], levels[nic]);
        }
    }

    [Fact]
    public void Hints_read_any_shape_of_subject_without_failing()
    {
        var nsgId = EstateBuilder.Id("networkSecurityGroups", "nsg");
        var vnetId = EstateBuilder.VnetId("vnet");
        ImmutableArray<Resource> subjects =
        [
            new NetworkSecurityGroup { Id = nsgId, SecurityRules = default, DefaultSecurityRules = default },
            new VirtualNetwork { Id = vnetId, Subnets = default, Peerings = default, AddressSpace = default, DnsServers = default },
            new RouteTable { Id = EstateBuilder.Id("routeTables", "rt"), Routes = default },
            new NetworkInterface { Id = EstateBuilder.Id("networkInterfaces", "nic"), IpConfigurations = default },
            new VirtualNetwork { Id = vnetId, Subnets = [new Subnet { Id = vnetId.Child("subnets", "s"), AddressPrefixes = default }] },
            new ApplicationSecurityGroup { Id = EstateBuilder.Id("applicationSecurityGroups", "asg") },
        ];
        ImmutableArray<NetworkInterface> nics = [new NetworkInterface { Id = EstateBuilder.Id("networkInterfaces", "nic2") }];

        // Every step of a pass over the subjects, from before the first to past the end, and NIC runs past the end.
        for (var at = -SubjectPrefetch.Depth; at <= subjects.Length; at++)
        {
            SubjectPrefetch.Ahead(subjects, Math.Max(at, 0));
            SubjectPrefetch.NicsAhead(nics, Math.Max(at, 0), perSubject: 2);
        }

        SubjectPrefetch.NicsAhead(nics, 0, perSubject: 0);
        SubjectPrefetch.NicsAhead([], 0, perSubject: 5);
        Assert.True(((NetworkSecurityGroup)subjects[0]).SecurityRules.IsDefault);
    }
}
