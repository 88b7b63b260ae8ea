using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// Where a <see cref="CompiledSecurity"/> keeps what it compiled per NIC: one slot per NIC of the estate, in the estate's
/// order, and one shared context per subnet for the NICs without an NSG of their own (nearly all), each found by its
/// ordinal. Slots are filled on first ask and published with Interlocked.CompareExchange, so racing threads keep one.
/// </summary>
/// <remarks>
/// A compile of every NIC used to keep a concurrent dictionary node per NIC and per (subnet, NIC NSG) context, on top
/// of the results: at 16 000 NICs the results outgrew the first generation while the compile ran, and the collector
/// traced and promoted every node. Two arrays and two ordinal maps built in one pass are a few large objects instead.
/// NICs and subnets that are not in the estate (a caller's own model objects) have no ordinal; the caller compiles
/// those the way it did before.
/// </remarks>
internal sealed class NetworkInterfaceSecurityTable
{
    // The estate's NICs, and whether each has an id no other NIC has (then a NIC's ordinal is its position).
    private readonly ImmutableArray<NetworkInterface> _estateNetworkInterfaces;
    private readonly bool _networkInterfaceIdsDistinct;

    // The ordinal this thread asked for last, in which table: callers that walk NICs in the estate's order (a compile
    // of every NIC, the reach matrix's pruning) ask for the next one, found without hashing its id and reading the
    // ordinal map, whose entries are far apart in memory at scale. Per thread, so parallel callers do not share it.
    [ThreadStatic]
    private static NetworkInterfaceSecurityTable? t_recentTable;

    [ThreadStatic]
    private static int t_recentOrdinal;

    private readonly Dictionary<ResourceId, int> _networkInterfaceOrdinals;
    private readonly Dictionary<ResourceId, int> _subnetOrdinals;
    private readonly NetworkInterfaceSecurity?[] _networkInterfaces;
    private readonly NetworkInterfaceSecurityContext?[] _subnetContexts;

    // The subnet context asked for last, for the NICs after it in the same subnet (see RecentSubnetContext). Any thread
    // may replace it; a reader checks the subnet before using it.
    private NetworkInterfaceSecurityContext? _recent;

    public NetworkInterfaceSecurityTable(Estate estate)
    {
        var networkInterfaces = estate.NetworkInterfaces;
        _estateNetworkInterfaces = networkInterfaces;
        _networkInterfaceOrdinals = new(networkInterfaces.Length);
        _networkInterfaceIdsDistinct = true;
        for (var i = 0; i < networkInterfaces.Length; i++)
        {
            // An id given twice keeps its first ordinal; the estate finds that NIC by the id as well.
            _networkInterfaceIdsDistinct &= _networkInterfaceOrdinals.TryAdd(networkInterfaces[i].Id, i);
        }

        var virtualNetworks = estate.VirtualNetworks;
        var subnetCount = 0;
        foreach (var virtualNetwork in virtualNetworks)
        {
            subnetCount += virtualNetwork.Subnets.Length;
        }

        _subnetOrdinals = new(subnetCount);
        foreach (var virtualNetwork in virtualNetworks)
        {
            foreach (var subnet in virtualNetwork.Subnets)
            {
                _subnetOrdinals.TryAdd(subnet.Id, _subnetOrdinals.Count);
            }
        }

        _networkInterfaces = new NetworkInterfaceSecurity?[networkInterfaces.Length];
        _subnetContexts = new NetworkInterfaceSecurityContext?[_subnetOrdinals.Count];
    }

    /// <summary>The position in the estate of the NIC with <paramref name="nic"/>'s id, or -1 when the estate has none.</summary>
    public int NetworkInterfaceOrdinal(NetworkInterface nic) => NetworkInterfaceOrdinal(nic, out _);

    /// <summary>
    /// <see cref="NetworkInterfaceOrdinal(NetworkInterface)"/>, and whether this thread asked for the NIC before it last:
    /// a caller walking the estate's NICs in order.
    /// </summary>
    public int NetworkInterfaceOrdinal(NetworkInterface nic, out bool inOrder)
    {
        // The NIC after the one this thread asked for last, when it is that very object and ids are distinct (Estate.Create
        // keeps one resource per id; were an id given twice, the map would answer the first NIC's ordinal for both).
        var next = ReferenceEquals(t_recentTable, this) ? t_recentOrdinal + 1 : -1;
        inOrder = _networkInterfaceIdsDistinct && (uint)next < (uint)_estateNetworkInterfaces.Length && ReferenceEquals(_estateNetworkInterfaces[next], nic);
        if (!inOrder)
        {
            next = _networkInterfaceOrdinals.TryGetValue(nic.Id, out var ordinal) ? ordinal : -1;
        }

        t_recentTable = this;
        t_recentOrdinal = next;
        return next;
    }

    /// <summary>
    /// Hints the memory system about the NICs after <paramref name="ordinal"/> (<see cref="ResourceHints"/>), the ones a
    /// caller walking in order asks for next. Only for such callers: for the others they would be reads nothing waits for.
    /// </summary>
    public void HintAhead(int ordinal)
    {
        for (var level = 0; level < ResourceHints.Levels; level++)
        {
            var ahead = ordinal + ResourceHints.Levels - level;
            if (ahead < _estateNetworkInterfaces.Length)
            {
                ResourceHints.Hint(_estateNetworkInterfaces[ahead], level);
            }
        }
    }

    /// <summary>The subnet's position among the estate's subnets, or -1 when the estate has no subnet with its id.</summary>
    public int SubnetOrdinal(ResourceId subnetId) => _subnetOrdinals.TryGetValue(subnetId, out var ordinal) ? ordinal : -1;

    /// <summary>The NIC compiled at <paramref name="ordinal"/>, or null when nobody asked for it yet.</summary>
    public NetworkInterfaceSecurity? NetworkInterface(int ordinal) => Volatile.Read(ref _networkInterfaces[ordinal]);

    /// <summary>Keeps <paramref name="compiled"/> at <paramref name="ordinal"/>, or returns what another thread kept first.</summary>
    public NetworkInterfaceSecurity Publish(int ordinal, NetworkInterfaceSecurity compiled) =>
        FirstRead.Publish(ref _networkInterfaces[ordinal], compiled);

    /// <summary>The context shared by the subnet's NICs without an NSG of their own, or null when none was made yet.</summary>
    public NetworkInterfaceSecurityContext? SubnetContext(int subnetOrdinal) =>
        Volatile.Read(ref _subnetContexts[subnetOrdinal]) is { } context ? Remembered(context) : null;

    /// <summary>Keeps <paramref name="context"/> for the subnet, or returns what another thread kept first.</summary>
    public NetworkInterfaceSecurityContext PublishSubnetContext(int subnetOrdinal, NetworkInterfaceSecurityContext context) =>
        Remembered(FirstRead.Publish(ref _subnetContexts[subnetOrdinal], context));

    /// <summary>
    /// The context of the subnet with id <paramref name="subnetId"/> when it is the subnet context asked for last, else
    /// null. The estate finds one subnet by an id, so the context kept for that subnet is the one its ordinal has.
    /// </summary>
    public NetworkInterfaceSecurityContext? RecentSubnetContext(ResourceId subnetId) =>
        Volatile.Read(ref _recent) is { Subnet: { } subnet } recent && subnet.Id.Equals(subnetId) ? recent : null;

    private NetworkInterfaceSecurityContext Remembered(NetworkInterfaceSecurityContext context)
    {
        Volatile.Write(ref _recent, context);
        return context;
    }
}
