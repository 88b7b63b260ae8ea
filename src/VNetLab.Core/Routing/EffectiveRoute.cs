using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Routing;

/// <summary>
/// One row of a subnet's effective route table, shaped as Azure's <c>EffectiveRoute</c>
/// (NetworkInterfaces_GetEffectiveRouteTable, shared/azure/semantics.md §1.1), plus why it is in the state
/// it is in and which resource produced it. Equality is by value, lists compared element by element,
/// so identical tables can be interned and shared by many subnets.
/// </summary>
public sealed record EffectiveRoute
{
    /// <summary>The user-defined route's name; null for system and gateway routes.</summary>
    public string? Name { get; init; }

    /// <summary>Mirrors the subnet's route table setting; false when the subnet has no route table.</summary>
    public bool DisableBgpRoutePropagation { get; init; }

    public required EffectiveRouteSource Source { get; init; }

    public required EffectiveRouteState State { get; init; }

    /// <summary>Usually one prefix; a service endpoint route or a service-tag UDR holds all of the service's prefixes.</summary>
    public required ImmutableArray<IpPrefix> AddressPrefixes { get; init; }

    /// <summary>Empty for VnetLocal, peering, Internet and None; the appliance for VirtualAppliance; one or two gateway addresses for gateway routes.</summary>
    public ImmutableArray<IpAddress> NextHopIpAddresses { get; init; } = [];

    public required NextHopType NextHopType { get; init; }

    /// <summary>The route table a User route comes from; null for every other source (Network Watcher then says <c>System Route</c>).</summary>
    public ResourceId? RouteTableId { get; init; }

    /// <summary>
    /// What produced the route: the VNet (VnetLocal), the local peering (VNetPeering), the gateway whose
    /// best path it is (VirtualNetworkGateway source), the route (User); null for Internet, None and service endpoints.
    /// </summary>
    public ResourceId? Origin { get; init; }

    /// <summary>For a service-tag UDR or a service endpoint route, the tags its prefixes came from (Azure's <c>destinationServiceTags</c>).</summary>
    public ImmutableArray<string> DestinationServiceTags { get; init; } = [];

    /// <summary>The machine-readable reason for <see cref="State"/>.</summary>
    public required EffectiveRouteReason Reason { get; init; }

    /// <summary>The same reason in words, naming the route that decided (for <c>--explain</c>).</summary>
    public required string Explanation { get; init; }

    /// <summary>
    /// True for a VirtualAppliance route whose next hop IP is neither in the VNet nor in a directly peered
    /// VNet: Network Watcher then answers next hop type <c>None</c> with the route's IP and route table
    /// (semantics.md §1.3, §3.12).
    /// </summary>
    public bool NextHopUnreachable { get; init; }

    /// <summary>True when the route takes part in longest prefix match.</summary>
    public bool IsActive => State == EffectiveRouteState.Active;

    public bool Equals(EffectiveRoute? other) =>
        ReferenceEquals(this, other) || (other is not null
            && Name == other.Name
            && DisableBgpRoutePropagation == other.DisableBgpRoutePropagation
            && Source == other.Source
            && State == other.State
            && NextHopType == other.NextHopType
            && Reason == other.Reason
            && NextHopUnreachable == other.NextHopUnreachable
            && RouteTableId == other.RouteTableId
            && Origin == other.Origin
            && Explanation == other.Explanation
            && AddressPrefixes.AsSpan().SequenceEqual(other.AddressPrefixes.AsSpan())
            && NextHopIpAddresses.AsSpan().SequenceEqual(other.NextHopIpAddresses.AsSpan())
            && DestinationServiceTags.AsSpan().SequenceEqual(other.DestinationServiceTags.AsSpan()));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Source);
        hash.Add(State);
        hash.Add(NextHopType);
        hash.Add(Name);
        hash.Add(RouteTableId);
        foreach (var prefix in AddressPrefixes)
        {
            hash.Add(prefix);
        }

        foreach (var address in NextHopIpAddresses)
        {
            hash.Add(address);
        }

        return hash.ToHashCode();
    }

    /// <summary>A compact form for messages and test failures: <c>User Active 0.0.0.0/0 VirtualAppliance 10.0.100.4</c>.</summary>
    public override string ToString() =>
        $"{Source} {State} {string.Join(',', AddressPrefixes)} {NextHopType}" +
        (NextHopIpAddresses.IsEmpty ? string.Empty : " " + string.Join(',', NextHopIpAddresses)) +
        (Name is null ? string.Empty : $" ({Name})");
}
