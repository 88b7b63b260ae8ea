using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Model.Memory;

namespace VNetLab.Security;

/// <summary>
/// An estate's security, compiled on demand and cached: <c>VirtualNetwork</c> tags per subnet, NSGs per tag
/// context, what the NICs of a subnet share per (subnet, NIC NSG), NICs. Thread-safe; flow verdicts on cached parts
/// allocate nothing (a NIC's own addresses are built when they are read).
/// </summary>
public sealed class CompiledSecurity
{
    // An NSG's associations meet a few expansions, searched by reference; a hash set past a few dozen (an NSG shared by
    // the subnets of many VNets).
    private const int FewExpansions = 32;

    // The caches the reach matrix's set-up fills from both cores, one entry per subnet or NSG compilation (50,000 and
    // over 10,000 at large): sized up front with many lock stripes, since a default one started with a stripe per core
    // and each growth took every stripe, and the workers queued on those locks for a seventh of the set-up's NSG loop.
    private static readonly int _stripes = Environment.ProcessorCount * 16;

    private readonly ConcurrentDictionary<ResourceId, VirtualNetworkTag> _tagsBySubnet;
    private readonly ConcurrentDictionary<(ResourceId VirtualNetwork, ResourceId? RouteTable), VirtualNetworkTagExpansion> _expansions = new();
    private readonly ConcurrentDictionary<(ResourceId Nsg, VirtualNetworkTagExpansion Expansion), CompiledNetworkSecurityGroup> _nsgsByExpansion;
    private readonly ConcurrentDictionary<(ResourceId Nsg, AddressSet Own, object? LearnedV4, object? LearnedV6), CompiledNetworkSecurityGroup> _nsgs;
    private readonly ConcurrentDictionary<ImmutableArray<IpPrefix>, AddressSet> _gatewayAddresses = new(PrefixListComparer.Instance);
    // NICs of the estate are kept by ordinal in the table, made at the first NIC asked for; the dictionary holds only
    // NICs the estate does not have.
    private NetworkInterfaceSecurityTable? _table;
    private readonly ConcurrentDictionary<ResourceId, NetworkInterfaceSecurity> _nics = new();
    private readonly SecurityRuleReader _reader;
    private readonly ConcurrentDictionary<(ResourceId? Subnet, ResourceId? NicNsg), NetworkInterfaceSecurityContext> _nicContexts = new();
    private readonly Lazy<VirtualNetworkTag> _detachedTag;

    internal CompiledSecurity(Estate estate, SecurityOptions options)
    {
        Estate = estate;
        Options = options;
        ApplicationSecurityGroups = ApplicationSecurityGroupMembers.Of(estate);
        var subnets = 0;
        foreach (var vnet in estate.VirtualNetworks)
        {
            subnets += vnet.Subnets.Length;
        }

        _tagsBySubnet = new(_stripes, subnets);
        _nsgsByExpansion = new(_stripes, estate.NetworkSecurityGroups.Length);
        _nsgs = new(_stripes, estate.NetworkSecurityGroups.Length);
        _reader = new SecurityRuleReader(options.ServiceTags, ApplicationSecurityGroups);
        _detachedTag = new(() => VirtualNetworkTag.For(estate, null, options.GatewayPrefixes));
    }

    public Estate Estate { get; }

    public SecurityOptions Options { get; }

    /// <summary>The addresses of each ASG's member IP configurations.</summary>
    public ApplicationSecurityGroupMembers ApplicationSecurityGroups { get; }

    /// <summary>The <c>VirtualNetwork</c> tag of a subnet; for null (a NIC whose subnet is missing), just 168.63.129.16/32.</summary>
    public VirtualNetworkTag VirtualNetworkTagOf(Subnet? subnet) =>
        subnet is null
            ? _detachedTag.Value
            : _tagsBySubnet.GetOrAdd(subnet.Id, static (_, state) => VirtualNetworkTag.For(state.Self.Estate, state.Subnet, state.Self.Options.GatewayPrefixes,
                    state.Self._expansions, state.Self.GatewayAddresses),
                (Self: this, Subnet: subnet));

    // The spokes of one hub learn the same gateway prefixes (thousands of them at large), each VNet in its own list:
    // their address set is made once per distinct list and shared.
    private AddressSet GatewayAddresses(ImmutableArray<IpPrefix> learned) =>
        _gatewayAddresses.GetOrAdd(learned, static prefixes => AddressSet.FromPrefixes(prefixes));

    /// <summary>
    /// An NSG compiled for a context. Subnets whose tags expand to the same addresses share one compilation, so a
    /// hub-and-spoke estate with one NSG on a hundred subnets compiles it once per distinct tag.
    /// </summary>
    /// <remarks>
    /// Looked up by the tag's shared expansion first: the reach matrix asks for a subnet's NSG once per packet class, and
    /// hashing and comparing the tag's addresses (thousands of intervals with on-premises prefixes) each time cost more
    /// than the evaluation. Tags that share an expansion have equal addresses, so the answer is the same object.
    /// </remarks>
    public CompiledNetworkSecurityGroup Compile(NetworkSecurityGroup nsg, VirtualNetworkTag context) => CompileShared(nsg, context);

    /// <summary>The NSG associated with <paramref name="subnet"/>, compiled for the subnet's tag; null when it has none.</summary>
    public CompiledNetworkSecurityGroup? SubnetNetworkSecurityGroup(Subnet subnet) =>
        Estate.Find<NetworkSecurityGroup>(subnet.NetworkSecurityGroupId) is { } nsg ? CompileShared(nsg, VirtualNetworkTagOf(subnet)) : null;

    // Keyed by the tag's own addresses and by which learned set it shares, not by their union: the union is made only
    // when read, and VNets that learn the same prefixes hold the same learned set (GatewayAddresses). Tags whose equal
    // unions split differently (rare: a peer's space announced by the gateway too) compile apart, with equal results.
    private CompiledNetworkSecurityGroup CompileByAddresses(NetworkSecurityGroup nsg, VirtualNetworkTag context) =>
        _nsgs.GetOrAdd((nsg.Id, context.Expansion.Own, context.Expansion.Learned.V4.Storage, context.Expansion.Learned.V6.Storage),
            static (_, state) => state.Self.CompileNow(state.Nsg, state.Context), (Self: this, Nsg: nsg, Context: context));

    /// <summary>The NSG compiled for each subnet it is associated with (or, when it is associated with none, for no subnet).</summary>
    public ImmutableArray<CompiledNetworkSecurityGroup> CompileForAssociations(NetworkSecurityGroup nsg)
    {
        // The reach matrix's set-up asks this of every NSG (10,000 at large, from two workers): the tags are told apart
        // by their shared expansion, by reference in a short list, without the LINQ pipeline and the identity hash of
        // every subnet and expansion met, which with the cache's lock waits were a third of the set-up's NSG loop at
        // scale. A NIC association is read as its subnet; the NICs of one subnet mostly come in a row, and a subnet met
        // again finds its tag cached and its expansion listed, so repeats are only skipped sooner. Tags that share an
        // expansion have equal addresses; only distinct expansions (often one per NSG: a spoke's subnets share their
        // VNet and route table) are compared by value, which hashes thousands of intervals where gateways learn
        // on-premises prefixes.
        var tags = new List<VirtualNetworkTag>();
        HashSet<VirtualNetworkTagExpansion>? manyExpansions = null;
        Subnet? previous = null;
        var detached = false;
        foreach (var resource in Estate.AssociationsOf(nsg.Id))
        {
            var subnet = resource switch
            {
                Subnet s => s,
                NetworkInterface n => Estate.SubnetOf(n),
                _ => null,
            };
            if (subnet is null ? detached : ReferenceEquals(subnet, previous))
            {
                continue;
            }

            detached |= subnet is null;
            previous = subnet ?? previous;
            var tag = VirtualNetworkTagOf(subnet);
            if (IsNewExpansion(tags, ref manyExpansions, tag.Expansion))
            {
                tags.Add(tag);
            }
        }

        if (tags.Count == 0)
        {
            tags.Add(VirtualNetworkTagOf(null));
        }

        var distinct = tags.Count > 1 ? tags.DistinctBy(t => t.Addresses).ToList() : tags;
        var compiled = new CompiledNetworkSecurityGroup[distinct.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = Compile(nsg, distinct[i]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(compiled);
    }

    private static bool IsNewExpansion(List<VirtualNetworkTag> tags, ref HashSet<VirtualNetworkTagExpansion>? many, VirtualNetworkTagExpansion expansion)
    {
        if (many is not null)
        {
            return many.Add(expansion);
        }

        foreach (var tag in tags)
        {
            if (ReferenceEquals(tag.Expansion, expansion))
            {
                return false;
            }
        }

        if (tags.Count >= FewExpansions)
        {
            many = new HashSet<VirtualNetworkTagExpansion>(tags.Select(t => t.Expansion), ReferenceEqualityComparer.Instance) { expansion };
        }

        return true;
    }

    /// <summary>Everything that filters <paramref name="nic"/>'s traffic, compiled.</summary>
    public NetworkInterfaceSecurity For(NetworkInterface nic)
    {
        var table = _table ?? FirstRead.Publish(ref _table, new NetworkInterfaceSecurityTable(Estate));
        var ordinal = table.NetworkInterfaceOrdinal(nic);
        if (ordinal < 0)
        {
            return _nics.GetOrAdd(nic.Id, static (_, state) => state.Self.CompileNow(state.Nic, state.Table), (Self: this, Nic: nic, Table: table));
        }

        if (table.NetworkInterface(ordinal) is { } compiled)
        {
            return compiled;
        }

        table.HintAhead(ordinal);
        return table.Publish(ordinal, CompileNow(nic, table));
    }

    /// <summary>
    /// The NSGs of <see cref="For"/>(<paramref name="nic"/>)'s associations, in its order (the NIC's own, then its
    /// subnet's) and as the same compiled objects, without compiling the NIC's security: the reach matrix's pruning asks
    /// it of every NIC of a destination, and compiling 200,000 NICs only to read their associations had its workers
    /// queue on the NIC cache's locks.
    /// </summary>
    internal (CompiledNetworkSecurityGroup? First, CompiledNetworkSecurityGroup? Second) NetworkSecurityGroupsOf(NetworkInterface nic)
    {
        var subnet = Estate.SubnetOf(nic);
        var subnetNsg = subnet is null ? null : SubnetNetworkSecurityGroup(subnet);
        return Estate.Find<NetworkSecurityGroup>(nic.NetworkSecurityGroupId) is { } nicNsg
            ? (CompileShared(nicNsg, VirtualNetworkTagOf(subnet)), subnetNsg)
            : (subnetNsg, null);
    }

    private CompiledNetworkSecurityGroup CompileNow(NetworkSecurityGroup nsg, VirtualNetworkTag context)
    {
        // Each rule is reached through the NSG's array and its values through the rule, so on an estate larger than the
        // cache a compile waited for each rule's lines in turn; hinted together first, they load side by side.
        // Compiling every NIC's security took 15-28 % less at 16x for it (docs/performance.md, "Session 9").
        ResourceHints.HintEveryLevel(nsg);

        // Exports carry the six default rules; templates and designs do not, and Azure adds them anyway.
        var defaults = nsg.DefaultSecurityRules.IsEmpty ? DefaultSecurityRules.For(nsg.Id) : nsg.DefaultSecurityRules;
        // The parts only live until the NSG has placed them: a rented buffer, not an array per compile.
        var count = nsg.SecurityRules.Length + defaults.Length;
        var rules = ArrayPool<CompiledSecurityRuleParts>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var rule = i < nsg.SecurityRules.Length ? nsg.SecurityRules[i] : defaults[i - nsg.SecurityRules.Length];
                rules[i] = _reader.Read(rule, context);
            }

            return new CompiledNetworkSecurityGroup(nsg, context, rules.AsSpan(0, count), _reader);
        }
        finally
        {
            ArrayPool<CompiledSecurityRuleParts>.Shared.Return(rules, clearArray: true);
        }
    }

    private NetworkInterfaceSecurity CompileNow(NetworkInterface nic, NetworkInterfaceSecurityTable table)
    {
        // An estate lists a subnet's NICs together and callers walk them in order, so a NIC without an NSG of its own is
        // nearly always in the subnet of the NIC compiled before it: it shares that context, found without looking its
        // subnet up in the estate and in the table, two dictionaries whose entries are far apart in memory at scale.
        if (nic.NetworkSecurityGroupId is null && nic.PrimaryIpConfiguration?.SubnetId is { } subnetId
            && table.RecentSubnetContext(subnetId) is { } recent)
        {
            return new NetworkInterfaceSecurity(nic, recent);
        }

        var subnet = Estate.SubnetOf(nic);
        var nicNsg = Estate.Find<NetworkSecurityGroup>(nic.NetworkSecurityGroupId);
        var subnetOrdinal = nicNsg is null && subnet is not null ? table.SubnetOrdinal(subnet) : -1;
        var context = subnetOrdinal >= 0
            ? table.SubnetContext(subnetOrdinal) ?? table.PublishSubnetContext(subnetOrdinal, CompileContext(subnet, null))
            : _nicContexts.GetOrAdd((subnet?.Id, nicNsg?.Id), static (_, state) => state.Self.CompileContext(state.Subnet, state.NicNsg),
                (Self: this, Subnet: subnet, NicNsg: nicNsg));
        return new NetworkInterfaceSecurity(nic, context);
    }

    private NetworkInterfaceSecurityContext CompileContext(Subnet? subnet, NetworkSecurityGroup? nicNsg)
    {
        var tag = VirtualNetworkTagOf(subnet);
        var subnetNsg = Estate.Find<NetworkSecurityGroup>(subnet?.NetworkSecurityGroupId);
        return new NetworkInterfaceSecurityContext(subnet, tag,
            subnetNsg is null ? null : CompileShared(subnetNsg, tag),
            nicNsg is null ? null : CompileShared(nicNsg, tag));
    }

    // Tags that share their expansion have equal addresses, so this finds what Compile would return without hashing
    // and comparing every interval of the tag (about a thousand with gateway-learned prefixes) for each NIC.
    private CompiledNetworkSecurityGroup CompileShared(NetworkSecurityGroup nsg, VirtualNetworkTag context) =>
        _nsgsByExpansion.GetOrAdd((nsg.Id, context.Expansion), static (_, state) => state.Self.CompileByAddresses(state.Nsg, state.Context),
            (Self: this, Nsg: nsg, Context: context));
}
