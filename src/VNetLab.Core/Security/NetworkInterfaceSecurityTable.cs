using System.Collections.Immutable;
using VNetLab.Model;
using VNetLab.Model.Memory;

namespace VNetLab.Security;

/// <summary>
/// Where a <see cref="CompiledSecurity"/> keeps what it compiled per NIC: one slot per NIC of the estate, in the estate's
/// order, and one shared context per subnet for the NICs without an NSG of their own (nearly all), each found by its
/// ordinal. Slots are filled on first ask and published with Interlocked.CompareExchange, so racing threads keep one.
/// </summary>
/// <remarks>
/// A compile of every NIC used to keep a concurrent dictionary node per NIC and per (subnet, NIC NSG) context, on top
/// of the results: at 16 000 NICs the results outgrew the first generation while the compile ran, and the collector
/// traced and promoted every node. Two chunked arrays (<see cref="PublishedSlots{T}"/>) are a few objects instead.
/// <para>
/// Callers walk the estate's NICs in order (every command that asks for all of them does), so an ordinal is first looked
/// for by reference where the last one was found; maps from ids to ordinals are made only for a NIC or subnet asked for
/// out of that order. Made for every compile, the maps read every NIC's and subnet's id, far apart in memory at scale,
/// and were the largest object a compile of every NIC made after its rules' conditions. NICs and subnets that are not in
/// the estate (a caller's own model objects) have no ordinal; the caller compiles those the way it did before.
/// </para>
/// </remarks>
internal sealed class NetworkInterfaceSecurityTable
{
    // How many subnets past the one found last are looked at by reference: the NICs of consecutive subnets come one
    // after another, and the subnets between have no NICs (a hub's gateway and firewall subnets).
    private const int SubnetsLookedAhead = 8;

    // How many NICs apart the levels of a NIC's chain are hinted (ResourceHints.Ahead). A NIC's compile does little (its
    // subnet's context is nearly always the one before), so the hints go far ahead: at 16x, 4 left the loads late and
    // 16 took 3-20 % off compiling every NIC (docs/performance.md, "Session 12").
    private const int HintSpacing = 16;

    private readonly ImmutableArray<NetworkInterface> _estateNetworkInterfaces;
    private readonly Subnet[] _estateSubnets;

    // A subnet found by reference in the estate's list has the ordinal of its id only when no subnet listed before has
    // its id; otherwise every subnet ordinal comes from the map. NICs are the estate's roots, whose ids Estate.Create
    // keeps distinct, so a NIC found by reference always has the ordinal of its id.
    private readonly bool _subnetsByReference;
    private readonly PublishedSlots<NetworkInterfaceSecurity> _networkInterfaces;
    private readonly PublishedSlots<NetworkInterfaceSecurityContext> _subnetContexts;
    private Dictionary<ResourceId, int>? _networkInterfaceOrdinals;
    private Dictionary<ResourceId, int>? _subnetOrdinals;

    // Where the next NIC and subnet in the estate's order are, after the last found. Any thread may move them; a reader
    // checks by reference what it finds there.
    private int _nextNetworkInterface;
    private int _nextSubnet;

    // The subnet context asked for last, for the NICs after it in the same subnet (see RecentSubnetContext). Any thread
    // may replace it; a reader checks the subnet before using it.
    private NetworkInterfaceSecurityContext? _recent;

    public NetworkInterfaceSecurityTable(Estate estate)
    {
        _estateNetworkInterfaces = estate.NetworkInterfaces;
        _subnetsByReference = estate.SubnetsAreIndexedAsThemselves;

        var virtualNetworks = estate.VirtualNetworks;
        var subnetCount = 0;
        foreach (var virtualNetwork in virtualNetworks)
        {
            subnetCount += virtualNetwork.Subnets.Length;
        }

        _estateSubnets = new Subnet[subnetCount];
        var position = 0;
        foreach (var virtualNetwork in virtualNetworks)
        {
            virtualNetwork.Subnets.CopyTo(_estateSubnets, position);
            position += virtualNetwork.Subnets.Length;
        }

        _networkInterfaces = new(_estateNetworkInterfaces.Length);
        _subnetContexts = new(subnetCount);
    }

    /// <summary>The NIC's position in the estate, or -1 when the estate has no NIC with its id.</summary>
    public int NetworkInterfaceOrdinal(NetworkInterface networkInterface)
    {
        var next = Volatile.Read(ref _nextNetworkInterface);
        var ordinal = next < _estateNetworkInterfaces.Length && ReferenceEquals(_estateNetworkInterfaces[next], networkInterface)
            ? next
            : NetworkInterfaceOrdinals().GetValueOrDefault(networkInterface.Id, -1);
        if (ordinal >= 0)
        {
            Volatile.Write(ref _nextNetworkInterface, ordinal + 1);
        }

        return ordinal;
    }

    /// <summary>The subnet's position among the estate's subnets, or -1 when the estate has no subnet with its id.</summary>
    public int SubnetOrdinal(Subnet subnet)
    {
        var next = Volatile.Read(ref _nextSubnet);
        var ordinal = -1;
        if (_subnetsByReference)
        {
            var end = Math.Min(next + SubnetsLookedAhead, _estateSubnets.Length);
            for (var i = next; i < end && ordinal < 0; i++)
            {
                ordinal = ReferenceEquals(_estateSubnets[i], subnet) ? i : -1;
            }
        }

        if (ordinal < 0)
        {
            ordinal = SubnetOrdinals().GetValueOrDefault(subnet.Id, -1);
        }

        if (ordinal >= 0)
        {
            Volatile.Write(ref _nextSubnet, ordinal + 1);
        }

        return ordinal;
    }

    /// <summary>
    /// Hints the objects of the NICs that follow <paramref name="ordinal"/> in the estate, for a caller about to compile
    /// the NIC there: callers walk the NICs in order, and each NIC's chain (NIC, configurations, subnet id) lies apart
    /// from the last on an estate larger than the cache.
    /// </summary>
    public void HintAhead(int ordinal) => ResourceHints.Ahead(_estateNetworkInterfaces.AsSpan(), ordinal, HintSpacing);

    /// <summary>The NIC compiled at <paramref name="ordinal"/>, or null when nobody asked for it yet.</summary>
    public NetworkInterfaceSecurity? NetworkInterface(int ordinal) => _networkInterfaces.Get(ordinal);

    /// <summary>Keeps <paramref name="compiled"/> at <paramref name="ordinal"/>, or returns what another thread kept first.</summary>
    public NetworkInterfaceSecurity Publish(int ordinal, NetworkInterfaceSecurity compiled) =>
        _networkInterfaces.Publish(ordinal, compiled);

    /// <summary>The context shared by the subnet's NICs without an NSG of their own, or null when none was made yet.</summary>
    public NetworkInterfaceSecurityContext? SubnetContext(int subnetOrdinal) =>
        _subnetContexts.Get(subnetOrdinal) is { } context ? Remembered(context) : null;

    /// <summary>Keeps <paramref name="context"/> for the subnet, or returns what another thread kept first.</summary>
    public NetworkInterfaceSecurityContext PublishSubnetContext(int subnetOrdinal, NetworkInterfaceSecurityContext context) =>
        Remembered(_subnetContexts.Publish(subnetOrdinal, context));

    /// <summary>
    /// The context of the subnet with id <paramref name="subnetId"/> when it is the subnet context asked for last, else
    /// null. The estate finds one subnet by an id, so the context kept for that subnet is the one its ordinal has.
    /// </summary>
    public NetworkInterfaceSecurityContext? RecentSubnetContext(ResourceId subnetId) =>
        Volatile.Read(ref _recent) is { Subnet: { } subnet } recent && subnet.Id.Equals(subnetId) ? recent : null;

    // An id given twice (subnets only) keeps its first ordinal; the estate finds that subnet by the id as well.
    private Dictionary<ResourceId, int> NetworkInterfaceOrdinals() =>
        _networkInterfaceOrdinals ?? FirstRead.Publish(ref _networkInterfaceOrdinals, OrdinalsOf(_estateNetworkInterfaces.AsSpan()));

    private Dictionary<ResourceId, int> SubnetOrdinals() =>
        _subnetOrdinals ?? FirstRead.Publish(ref _subnetOrdinals, OrdinalsOf<Subnet>(_estateSubnets));

    private static Dictionary<ResourceId, int> OrdinalsOf<T>(ReadOnlySpan<T> resources)
        where T : Resource
    {
        var ordinals = new Dictionary<ResourceId, int>(resources.Length);
        for (var i = 0; i < resources.Length; i++)
        {
            ordinals.TryAdd(resources[i].Id, i);
        }

        return ordinals;
    }

    private NetworkInterfaceSecurityContext Remembered(NetworkInterfaceSecurityContext context)
    {
        Volatile.Write(ref _recent, context);
        return context;
    }
}
