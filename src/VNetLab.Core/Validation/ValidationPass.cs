using VNetLab.Model;
using VNetLab.Validation.Rules.Nsg;

namespace VNetLab.Validation;

/// <summary>
/// One pass of validation over one snapshot: the estate, and the values many subjects of a scoped rule share (a hub's
/// overlapping peers, an ASG's VNets), computed once per pass instead of once per subject. They live only as long as
/// the pass, so validating the same snapshot twice does the work twice, as a caller would expect.
/// </summary>
internal sealed class ValidationPass(Estate estate)
{
    // The shared values, in shares rather than one table: one table of every VNet's and ASG's values outgrew 85 KB at 16x,
    // and each pass then put its arrays on the large object heap, whose budget triggers full (generation 2) collections
    // of the whole estate.
    private readonly ShardedDictionary<(object Owner, object Key), object?> _shared = new();

    // Each rule's working buffers, reused from subject to subject: a set or table made per subject was most of the
    // garbage a validation made, and garbage is the one cost that grows faster than the estate (collections copy the
    // pass's long-lived state). They go with the pass, so no buffer outlives it or is shared by two passes.
    private readonly Dictionary<(object Owner, Type Type), object> _scratch = [];

    // The configurations of the NICs the pass has just handed to its NIC walks (those of the VNet being checked), with
    // the NIC that lists each: a small table in the cache, where finding a configuration's NIC in the estate's index
    // read a random place of a table larger than the cache.
    private readonly Dictionary<NetworkInterfaceIpConfiguration, NetworkInterface> _holders = new(ReferenceEqualityComparer.Instance);

    // The last VNet asked about in SubnetOf, and whether the estate's index finds each of its subnets as itself.
    private VirtualNetwork? _checkedVnet;
    private bool _ownSubnetsIndexed;

    public Estate Estate { get; } = estate;

    /// <summary>
    /// The VNets of every ASG's members, once the pass's walk over every NIC has gathered them (<see cref="Validator"/>
    /// does, before the NSGs are checked); null before that and in a pass that checks only some subjects.
    /// </summary>
    public AsgVirtualNetworks? AsgVirtualNetworks { get; set; }

    /// <summary>The value <paramref name="compute"/> gives for <paramref name="key"/>, computed once per pass and owner.</summary>
    public TValue Shared<TKey, TValue>(object owner, TKey key, Func<Estate, TKey, TValue> compute) where TKey : notnull
    {
        if (_shared.TryGetValue((owner, key), out var known) && known is TValue value)
        {
            return value;
        }

        value = compute(Estate, key);
        _shared[(owner, key)] = value;
        return value;
    }

    /// <summary>
    /// The <typeparamref name="TBuffer"/> of <paramref name="owner"/> in this pass, made by <paramref name="create"/> at the
    /// first call: the same instance at every call, as the caller left it, so the caller clears it before use and is done
    /// with it before its next subject (a rule that uses one gathers its findings before it returns them, never lazily).
    /// </summary>
    public TBuffer Scratch<TBuffer>(object owner, Func<TBuffer> create) where TBuffer : class
    {
        if (_scratch.TryGetValue((owner, typeof(TBuffer)), out var known))
        {
            return (TBuffer)known;
        }

        var buffer = create();
        _scratch[(owner, typeof(TBuffer))] = buffer;
        return buffer;
    }

    /// <summary>
    /// The NIC of <paramref name="ipConfiguration"/> as <c>Estate.Find&lt;NetworkInterface&gt;(ipConfiguration.NetworkInterfaceId)</c>
    /// answers it: from the NIC that lists it when the pass holds that NIC (<see cref="EstateLookups.NetworkInterfaceOf"/>),
    /// else from the estate's index.
    /// </summary>
    public NetworkInterface? NetworkInterfaceOf(NetworkInterfaceIpConfiguration ipConfiguration) =>
        _holders.TryGetValue(ipConfiguration, out var holder)
            ? Estate.NetworkInterfaceOf(ipConfiguration, holder)
            : Estate.Find<NetworkInterface>(ipConfiguration.NetworkInterfaceId);

    /// <summary>Holds <paramref name="nics"/> (NICs of the estate) in place of those held before.</summary>
    public void Hold(ReadOnlySpan<NetworkInterface> nics)
    {
        _holders.Clear();
        foreach (var nic in nics)
        {
            foreach (var ipConfiguration in nic.IpConfigurations)
            {
                _holders.TryAdd(ipConfiguration, nic);
            }
        }
    }

    /// <summary>
    /// The subnet of a configuration of <paramref name="vnet"/>'s as <c>Estate.SubnetOf(ipConfiguration)</c> answers it.
    /// When the index finds each of the VNet's subnets as itself (checked once per VNet: a VNet listing one id twice, or
    /// a subnet listed under two VNets, is not), the VNet's subnet with the configuration's subnet id is what the index
    /// finds; looking among the VNet's few subnets, in the cache, replaces one random read of a table larger than the
    /// cache per configuration.
    /// </summary>
    public Subnet? SubnetOf(NetworkInterfaceIpConfiguration ipConfiguration, VirtualNetwork vnet)
    {
        if (ipConfiguration.SubnetId is { } subnetId && OwnSubnetsIndexed(vnet))
        {
            foreach (var subnet in vnet.Subnets)
            {
                if (subnet.Id.Equals(subnetId))
                {
                    return subnet;
                }
            }
        }

        return Estate.SubnetOf(ipConfiguration);
    }

    private bool OwnSubnetsIndexed(VirtualNetwork vnet)
    {
        if (!ReferenceEquals(_checkedVnet, vnet))
        {
            _checkedVnet = vnet;

            // One lookup of the VNet instead of one per subnet, when the estate vouches for the subnets of all its VNets.
            _ownSubnetsIndexed = Estate.SubnetsAreIndexedAsThemselves && ReferenceEquals(Estate.Find<VirtualNetwork>(vnet.Id), vnet);
            if (!_ownSubnetsIndexed)
            {
                _ownSubnetsIndexed = true;
                foreach (var subnet in vnet.Subnets)
                {
                    _ownSubnetsIndexed &= ReferenceEquals(Estate.Find<Subnet>(subnet.Id), subnet);
                }
            }
        }

        return _ownSubnetsIndexed;
    }
}
