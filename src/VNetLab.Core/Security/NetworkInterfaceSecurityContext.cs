using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// What every NIC of one subnet with the same NIC-level NSG shares: the subnet's tag, both compiled NSGs, the notes
/// they rest on and the packets they allow. Nothing in it depends on the NIC itself: rules naming ASGs are compiled to
/// the members' addresses estate-wide, so a NIC's own ASG memberships change which packets match, not the rules.
/// </summary>
/// <remarks>
/// Built once per (subnet, NIC NSG) by <see cref="CompiledSecurity"/>: the large estate's 199,600 NICs each built
/// their own copy of about 130 notes and their own allowed-packet sets, 18 KB per NIC, all of it identical within a
/// subnet.
/// </remarks>
internal sealed class NetworkInterfaceSecurityContext
{
    // Made on first read and published with Interlocked.CompareExchange rather than through a Lazy each: three Lazy
    // objects with their closures were about 400 bytes per subnet that a compile of every NIC kept alive and the GC
    // traced, for values verdicts never read. Racing threads make equal values and one is kept.
    private PacketSet? _allowedInbound;
    private PacketSet? _allowedOutbound;
    private Diagnostic[]? _notes;

    public NetworkInterfaceSecurityContext(Subnet? subnet, VirtualNetworkTag virtualNetworkTag,
        CompiledNetworkSecurityGroup? subnetNsg, CompiledNetworkSecurityGroup? nicNsg)
    {
        Subnet = subnet;
        VirtualNetworkTag = virtualNetworkTag;
        SubnetNetworkSecurityGroup = subnetNsg;
        NetworkInterfaceNetworkSecurityGroup = nicNsg;
        SubnetAssociation = subnet is not null && subnetNsg is not null
            ? new(NetworkSecurityGroupAssociationKind.Subnet, subnet.Id, subnetNsg)
            : null;
        SubnetAssociations = SubnetAssociation is null ? [] : [SubnetAssociation];
    }

    public Subnet? Subnet { get; }

    public VirtualNetworkTag VirtualNetworkTag { get; }

    public CompiledNetworkSecurityGroup? SubnetNetworkSecurityGroup { get; }

    public CompiledNetworkSecurityGroup? NetworkInterfaceNetworkSecurityGroup { get; }

    public NetworkSecurityGroupAssociation? SubnetAssociation { get; }

    /// <summary>The associations of a NIC without an NSG of its own: the subnet's alone, or none.</summary>
    public ImmutableArray<NetworkSecurityGroupAssociation> SubnetAssociations { get; }

    /// <summary>
    /// Made on first read: only effective rules and explanations print them, and the ASG rendering notes of a large
    /// estate's 200-rule NSGs were about 130 formatted messages per NSG that verdicts never look at.
    /// </summary>
    public ImmutableArray<Diagnostic> Notes =>
        ImmutableCollectionsMarshal.AsImmutableArray(_notes
            ?? FirstRead.Publish(ref _notes, [.. NotesOf(VirtualNetworkTag, NetworkInterfaceNetworkSecurityGroup, SubnetNetworkSecurityGroup)]));

    public PacketSet AllowedPackets(SecurityRuleDirection direction) =>
        direction == SecurityRuleDirection.Inbound
            ? _allowedInbound ?? FirstRead.Publish(ref _allowedInbound, ComputeAllowed(SecurityRuleDirection.Inbound))
            : _allowedOutbound ?? FirstRead.Publish(ref _allowedOutbound, ComputeAllowed(SecurityRuleDirection.Outbound));

    private static ImmutableArray<Diagnostic> NotesOf(VirtualNetworkTag virtualNetworkTag, CompiledNetworkSecurityGroup? nicNsg,
        CompiledNetworkSecurityGroup? subnetNsg)
    {
        // Azure's effective-rules output lists the NIC's NSG before the subnet's, so its notes come first too.
        var nsgs = new[] { nicNsg, subnetNsg }.OfType<CompiledNetworkSecurityGroup>().ToArray();
        return [.. virtualNetworkTag.Notes, .. nsgs.SelectMany(n => n.Notes).Distinct(),
            .. nsgs.SelectMany(n => n.ApplicationSecurityGroupRenderingNotes)];
    }

    private PacketSet ComputeAllowed(SecurityRuleDirection direction)
    {
        // Inbound the subnet's NSG comes first, outbound the NIC's; intersection does not care about the order.
        var nsgs = direction == SecurityRuleDirection.Inbound
            ? new[] { SubnetNetworkSecurityGroup, NetworkInterfaceNetworkSecurityGroup }
            : new[] { NetworkInterfaceNetworkSecurityGroup, SubnetNetworkSecurityGroup };
        var allowed = PacketSet.All;
        var allowedPlatform = PacketSet.All;
        foreach (var nsg in nsgs.OfType<CompiledNetworkSecurityGroup>())
        {
            allowed = allowed.Intersect(nsg.AllowedPackets(direction));
            allowedPlatform = allowedPlatform.Intersect(nsg.AllowedPlatformPackets(direction));
        }

        var platformTraffic = direction == SecurityRuleDirection.Inbound
            ? PacketSet.Where(sources: PlatformAddresses.All)
            : PacketSet.Where(destinations: PlatformAddresses.All);
        return allowed.Union(allowedPlatform.Intersect(platformTraffic)).Simplify();
    }
}
