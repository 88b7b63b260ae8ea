using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Routing;

/// <summary>What the routing compiler needs to know about one VNet before it looks at any subnet.</summary>
internal sealed class VirtualNetworkFacts
{
    private readonly HashSet<ResourceId> _peeredVnets;

    public VirtualNetworkFacts(VirtualNetwork virtualNetwork, ImmutableArray<IpPrefix> ranges, ImmutableArray<ConnectedPeering> peerings,
        ImmutableArray<Diagnostic> notes)
    {
        VirtualNetwork = virtualNetwork;
        Ranges = ranges;
        Peerings = peerings;
        Notes = notes;
        _peeredVnets = [.. peerings.Select(p => p.RemoteVirtualNetworkId)];

        // Gateway routes equal to or inside these ranges are not installed (semantics.md §3.3, §7.11); the same
        // ranges are what a VirtualAppliance next hop must fall in to be reachable (§3.12). Sorted by network so a
        // containment test is a binary search; Azure refuses overlapping VNet and peered ranges, so at most one
        // range can contain a given prefix.
        Exclusions = [.. ranges.Select(r => (Range: r, Peer: (ConnectedPeering?)null))
            .Concat(peerings.SelectMany(p => p.RemoteRanges.Select(r => (Range: r, Peer: (ConnectedPeering?)p))))
            .OrderBy(e => e.Range)];
    }

    public VirtualNetwork VirtualNetwork { get; }

    public ResourceId Id => VirtualNetwork.Id;

    /// <summary>The VNet's own address ranges (canonical).</summary>
    public ImmutableArray<IpPrefix> Ranges { get; }

    public ImmutableArray<ConnectedPeering> Peerings { get; }

    /// <summary>What was assumed about the VNet's peerings (state, region); every subnet of the VNet carries these.</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>The VNet's ranges and its directly peered ranges, sorted; <c>Peer</c> is null for the VNet's own ranges.</summary>
    public ImmutableArray<(IpPrefix Range, ConnectedPeering? Peer)> Exclusions { get; }

    /// <summary>
    /// True when <paramref name="other"/> gives the same routes and notes: the same ranges, the same connected
    /// peerings (each peering record, remote ranges and region kind) and the same notes. A recompile keeps the
    /// earlier facts, and the tables built on them, when a peering change leaves them so.
    /// </summary>
    public bool SameAs(VirtualNetworkFacts other)
    {
        if (!Ranges.SequenceEqual(other.Ranges) || Peerings.Length != other.Peerings.Length
            || !Notes.SequenceEqual(other.Notes, DiagnosticIdentity.Comparer))
        {
            return false;
        }

        for (var i = 0; i < Peerings.Length; i++)
        {
            var (mine, theirs) = (Peerings[i], other.Peerings[i]);
            if (!mine.Peering.Equals(theirs.Peering) || mine.RemoteVirtualNetworkId != theirs.RemoteVirtualNetworkId
                || mine.IsGlobal != theirs.IsGlobal || !mine.RemoteRanges.SequenceEqual(theirs.RemoteRanges))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when this VNet has a connected peering to <paramref name="remoteVnetId"/>.</summary>
    public bool HasConnectedPeeringTo(ResourceId remoteVnetId) => _peeredVnets.Contains(remoteVnetId);

    /// <summary>The range of the VNet or of a directly peered VNet that contains <paramref name="prefix"/>, if any.</summary>
    public bool TryFindCoveringRange(IpPrefix prefix, out (IpPrefix Range, ConnectedPeering? Peer) covering)
    {
        var exclusions = Exclusions.AsSpan();
        int low = 0, high = exclusions.Length - 1, candidate = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (exclusions[middle].Range.CompareTo(prefix) <= 0)
            {
                candidate = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        // The covering range sorts at or before the prefix; step back over longer ranges that start at the same address.
        for (var i = candidate; i >= 0; i--)
        {
            if (exclusions[i].Range.Contains(prefix))
            {
                covering = exclusions[i];
                return true;
            }

            if (exclusions[i].Range.Network != prefix.Network)
            {
                break;
            }
        }

        covering = default;
        return false;
    }

    /// <summary>True when <paramref name="address"/> is in the VNet or a directly peered VNet (direct connectivity).</summary>
    public bool HasDirectConnectivity(IpAddress address) => TryFindCoveringRange(IpPrefix.Host(address), out _);
}
