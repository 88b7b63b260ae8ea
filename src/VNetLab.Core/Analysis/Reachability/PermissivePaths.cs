using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Permissive walks (<see cref="Tracer.OutcomeIgnoringFilters"/>) shared between the NICs of the subnets that use one
/// route table in one VNet, for one <see cref="ReachabilityMatrix.Rows"/> call. Such a walk reads neither filters nor
/// the packet's source address; after the sender's own two hops (its NIC, its subnet's route lookup) it depends on the
/// table, the VNet and the destination only, unless it comes back to the sender's subnet or NIC (a loop, or a hop that
/// would have merged with the sender's). So a walk from a sibling subnet is the shared one with the sender's two hops
/// in front, exactly the walk the tracer would make; walks that carry steps or notes at the sender's hops, or meet
/// either sender again, are walked anew.
/// </summary>
/// <remarks>
/// A spoke's subnets share their table and come one after another in the matrix's source order, so a bounded cache
/// serves them: on the generated estates about a third of the walks are made.
/// </remarks>
internal sealed class PermissivePaths
{
    // Per generation of the cache (BoundedCache keeps two): the walks of the few tables in progress, a few hundred each.
    private const int Kept = 2048;
    private readonly NetworkAnalysis _analysis;
    private readonly Tracer _tracer;
    private readonly BoundedCache<Key, SharedWalk?> _paths = new(Kept);
    private int _shared;

    public PermissivePaths(NetworkAnalysis analysis, Tracer tracer)
    {
        _analysis = analysis;
        _tracer = tracer;
    }

    /// <summary>How many walks were given from another sender's (for tests: sharing that never happens checks nothing).</summary>
    public int SharedWalks => Volatile.Read(ref _shared);

    /// <summary>The permissive walk of <paramref name="packet"/> from <paramref name="source"/>, shared where exact.</summary>
    public Trace Walk(TraceEndpoint source, Packet packet) => Path(source, SenderRouting.Of(_analysis, source), packet).Trace;

    /// <summary>
    /// The permissive walk of <paramref name="packet"/> from <paramref name="source"/>, whose subnet and table
    /// (<paramref name="routing"/>) the caller found once for all its walks; a sibling's walk is read, not copied.
    /// </summary>
    public PermissivePath Path(TraceEndpoint source, SenderRouting routing, Packet packet)
    {
        if (source.Resource is not NetworkInterface nic || source.Kind != TraceEndpointKind.NetworkInterface
            || routing.Subnet is not { } subnet || routing.Table is not { } table)
        {
            return new PermissivePath(_tracer.OutcomeIgnoringFilters(source, packet));
        }

        var key = new Key(table, subnet.VirtualNetworkId, packet.Destination, packet.Protocol);
        if (_paths.TryGetValue(key, out var shared))
        {
            if (shared is null || Meets(shared.Walk, nic.Id, subnet.Id))
            {
                return new PermissivePath(_tracer.OutcomeIgnoringFilters(source, packet));
            }

            Interlocked.Increment(ref _shared);
            return new PermissivePath(shared, source, nic, subnet, packet);
        }

        // This sender's own walk is returned: the one kept may be a sibling's, with the sibling's hops in front.
        var walked = _tracer.OutcomeIgnoringFilters(source, packet);
        _paths.TryAdd(key, IsShareable(walked) ? new SharedWalk(walked) : null);
        return new PermissivePath(walked);
    }

    // The sender's two hops without a step, no note, and the sender's subnet not met again.
    private static bool IsShareable(Trace walked) =>
        walked.Notes.IsEmpty && walked.Hops.Length >= 2
        && walked.Source.Kind == TraceEndpointKind.NetworkInterface
        && walked.Hops[0] is { Kind: HopKind.NetworkInterface, ResourceId: { } nicId, Steps.IsEmpty: true }
        && walked.Hops[1] is { Kind: HopKind.Subnet, ResourceId: { } subnetId, Steps.IsEmpty: true }
        && !Meets(walked, nicId, subnetId);

    /// <summary>True when a hop after the sender's two is at <paramref name="nicId"/> or <paramref name="subnetId"/>.</summary>
    private static bool Meets(Trace walked, ResourceId nicId, ResourceId subnetId)
    {
        var hops = walked.Hops.AsSpan();
        for (var i = 2; i < hops.Length; i++)
        {
            if (hops[i].ResourceId is { } id && (id == nicId || id == subnetId))
            {
                return true;
            }
        }

        return false;
    }

    // Route tables compare by identity (one instance per distinct set of routes).
    private readonly record struct Key(EffectiveRouteTable Table, ResourceId VirtualNetwork, IpAddress Destination, SecurityProtocol Protocol);
}
