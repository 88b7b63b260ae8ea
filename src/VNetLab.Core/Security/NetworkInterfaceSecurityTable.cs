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
        _networkInterfaceOrdinals = new(networkInterfaces.Length);
        for (var i = 0; i < networkInterfaces.Length; i++)
        {
            // An id given twice keeps its first ordinal; the estate finds that NIC by the id as well.
            _networkInterfaceOrdinals.TryAdd(networkInterfaces[i].Id, i);
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

    /// <summary>The NIC's position in the estate, or -1 when the estate has no NIC with its id.</summary>
    public int NetworkInterfaceOrdinal(ResourceId networkInterfaceId) =>
        _networkInterfaceOrdinals.TryGetValue(networkInterfaceId, out var ordinal) ? ordinal : -1;

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
