using System.Runtime.InteropServices;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// One sender's permissive walk (<see cref="PermissivePaths"/>): its own, or a sibling's shared walk read as the
/// sender's. The matrix reads a walk's disposition, its last hop and the filters on it; those come from the shared walk
/// without copying its hops for every sender (a trace and a hop array per walk were a tenth of what the rows allocated),
/// and <see cref="Trace"/> makes the sender's own trace only where a whole trace is wanted.
/// </summary>
internal readonly struct PermissivePath
{
    private readonly Trace _walk;
    private readonly SharedWalk? _shared;
    private readonly TraceEndpoint? _source;
    private readonly NetworkInterface? _nic;
    private readonly Subnet? _subnet;
    private readonly Packet _packet;

    /// <summary>The sender's own walk.</summary>
    public PermissivePath(Trace walk)
    {
        _walk = walk;
        _packet = walk.Packet;
    }

    /// <summary>A sibling's shared walk for the sender (<paramref name="nic"/> in <paramref name="subnet"/>) sending <paramref name="packet"/>.</summary>
    public PermissivePath(SharedWalk shared, TraceEndpoint source, NetworkInterface nic, Subnet subnet, Packet packet)
    {
        _walk = shared.Walk;
        _shared = shared;
        _source = source;
        _nic = nic;
        _subnet = subnet;
        _packet = packet;
    }

    public FlowDisposition Disposition => _walk.Disposition;

    /// <summary>The packet the sender sent.</summary>
    public Packet Packet => _packet;

    /// <summary>The shared walk this path reads, when it is a sibling's; null for the sender's own walk.</summary>
    public SharedWalk? Shared => _shared;

    /// <summary>The sender's NIC, when the walk is a sibling's.</summary>
    public NetworkInterface? NetworkInterface => _nic;

    /// <summary>The last hop of the sender's trace: a shared walk's own after the two hops that differ.</summary>
    public Hop? LastHop => _shared is null || _walk.Hops.Length <= 2 ? Trace.LastHop : _walk.LastHop;

    /// <summary>The sender's trace, exactly the walk the tracer would make from it.</summary>
    public Trace Trace
    {
        get
        {
            if (_shared is null || _source is null || _nic is null || _subnet is null)
            {
                return _walk;
            }

            var hops = new Hop[_walk.Hops.Length];
            hops[0] = new Hop(HopKind.NetworkInterface, _nic.Id, []);
            hops[1] = new Hop(HopKind.Subnet, _subnet.Id, []);
            _walk.Hops.AsSpan()[2..].CopyTo(hops.AsSpan(2));
            return new Trace(_packet, _source, _walk.Disposition, ImmutableCollectionsMarshal.AsImmutableArray(hops), []);
        }
    }
}
