using System.Collections.Frozen;
using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Peering;

/// <summary>
/// Peered VNets cannot overlap (constraints.md 1.5), and a VNet cannot be peered with a VNet that is
/// already peered with a third VNet it overlaps (1.6: a hub cannot have two overlapping spokes). The
/// overlaps among a hub's peers are found once per hub with the sorted-stack finder, so a hub with
/// thousands of spokes costs O(n log n), not a comparison of every spoke with every other.
/// </summary>
internal sealed class PeeringAddressOverlapRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.VnetAddressSpacesOverlap, DiagnosticCatalog.Descriptors.VnetAddressSpaceOverlapsWithAlreadyPeeredVnet];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(2);

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, VirtualNetwork vnet)
    {
        var estate = pass.Estate;
        List<Diagnostic>? findings = null;
        foreach (var peering in vnet.Peerings)
        {
            var remote = estate.Find<VirtualNetwork>(peering.RemoteVirtualNetworkId);
            var remoteSpace = remote?.AddressSpace ?? peering.RemoteAddressSpace;

            // Peered VNets almost never overlap: the overlapping prefixes are listed only for a finding.
            if (PrefixOverlaps.AnyBetween(vnet.AddressSpace.AsSpan(), remoteSpace.AsSpan()))
            {
                Findings.Add(ref findings, DiagnosticCatalog.VnetAddressSpacesOverlap(peering,
                    PrefixOverlaps.OverlappingBetween(vnet.AddressSpace, remoteSpace, p => p.Prefix)));
                continue;
            }

            if (remote is null)
            {
                continue;
            }

            // The overlaps among a hub's peers are shared by the checks of all its spokes: built once per pass.
            var overlappingPeers = pass.Shared(this, remote.Id, OverlapsAmongPeers);
            if (!overlappingPeers.TryGetValue(vnet.Id, out var thirds))
            {
                continue;
            }

            foreach (var third in thirds)
            {
                var overlapping = PrefixOverlaps.OverlappingBetween(vnet.AddressSpace, third.AddressSpace, p => p.Prefix);
                Findings.Add(ref findings, DiagnosticCatalog.VnetAddressSpaceOverlapsWithAlreadyPeeredVnet(peering, third.Id, overlapping));
            }
        }

        return Findings.OrNone(findings);
    }

    /// <summary>For each VNet peered with <paramref name="hubId"/> (from either side), the other peers it overlaps, by id.</summary>
    private static IReadOnlyDictionary<ResourceId, List<VirtualNetwork>> OverlapsAmongPeers(Estate estate, ResourceId hubId)
    {
        // A spoke is asked about too (from its hub's side of their peering), and its one peer, the hub, overlaps no other.
        if (!SeveralPeers(estate, hubId))
        {
            return FrozenDictionary<ResourceId, List<VirtualNetwork>>.Empty;
        }

        var peers = estate.PeeringsOf(hubId).Select(p => p.RemoteVirtualNetworkId)
            .Concat(estate.PeeringsTo(hubId).Select(p => p.VirtualNetworkId))
            .Where(id => id != hubId)
            .Distinct()
            .Select(estate.Find<VirtualNetwork>)
            .OfType<VirtualNetwork>()
            .ToList();
        var prefixes = new List<IpPrefix>();
        var owners = new List<int>();
        for (var i = 0; i < peers.Count; i++)
        {
            foreach (var prefix in peers[i].AddressSpace)
            {
                prefixes.Add(prefix.Prefix);
                owners.Add(i);
            }
        }

        var result = new Dictionary<ResourceId, List<VirtualNetwork>>();
        foreach (var (a, b) in PrefixOverlaps.Pairs(prefixes, owners))
        {
            var (first, second) = (peers[owners[a]], peers[owners[b]]);
            Add(first, second);
            Add(second, first);
        }

        foreach (var list in result.Values)
        {
            list.Sort((x, y) => x.Id.CompareTo(y.Id));
        }

        return result;

        void Add(VirtualNetwork vnet, VirtualNetwork other)
        {
            if (!result.TryGetValue(vnet.Id, out var list))
            {
                list = [];
                result[vnet.Id] = list;
            }

            if (!list.Contains(other))
            {
                list.Add(other);
            }
        }
    }

    /// <summary>True when two different VNets other than <paramref name="hubId"/> are peered with it, from either side.</summary>
    private static bool SeveralPeers(Estate estate, ResourceId hubId)
    {
        ResourceId? first = null;
        foreach (var peering in estate.PeeringsOf(hubId))
        {
            if (IsSecond(peering.RemoteVirtualNetworkId))
            {
                return true;
            }
        }

        foreach (var peering in estate.PeeringsTo(hubId))
        {
            if (IsSecond(peering.VirtualNetworkId))
            {
                return true;
            }
        }

        return false;

        bool IsSecond(ResourceId id)
        {
            if (id == hubId)
            {
                return false;
            }

            first ??= id;
            return id != first;
        }
    }
}
