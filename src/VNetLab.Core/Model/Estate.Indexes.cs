using System.Collections.Immutable;

namespace VNetLab.Model;

public sealed partial class Estate
{
    /// <summary>The VNet a subnet (or peering) belongs to.</summary>
    public VirtualNetwork? VirtualNetworkOf(ResourceId childId) => Find<VirtualNetwork>(childId.Parent);

    /// <summary>The subnet of a NIC's primary IP configuration.</summary>
    public Subnet? SubnetOf(NetworkInterface nic) => Find<Subnet>(nic.PrimaryIpConfiguration?.SubnetId);

    /// <summary>The subnet an IP configuration sits in.</summary>
    public Subnet? SubnetOf(NetworkInterfaceIpConfiguration ipConfiguration) => Find<Subnet>(ipConfiguration.SubnetId);

    /// <summary>The NICs with at least one IP configuration in a subnet.</summary>
    public ImmutableArray<NetworkInterface> NetworkInterfacesIn(ResourceId subnetId) =>
        [.. IpConfigurationsIn(subnetId).Select(c => c.NetworkInterfaceId).Distinct().Select(Find<NetworkInterface>).OfType<NetworkInterface>()];

    /// <summary>The peerings a VNet holds (its side of each peering).</summary>
    public ImmutableArray<VirtualNetworkPeering> PeeringsOf(ResourceId vnetId) => Find<VirtualNetwork>(vnetId)?.Peerings ?? [];

    /// <summary>The peerings other VNets hold that point at this VNet.</summary>
    public ImmutableArray<VirtualNetworkPeering> PeeringsTo(ResourceId vnetId)
    {
        EstateReadLog.Note(typeof(VirtualNetwork));
        return _peeringsByRemote.GetValueOrDefault(vnetId, []);
    }

    /// <summary>The remote side of a peering: the remote VNet's peering that points back, if it exists.</summary>
    public VirtualNetworkPeering? RemotePeeringOf(VirtualNetworkPeering peering)
    {
        EstateReadLog.Note(typeof(VirtualNetwork));
        return _peeringByEnds.GetValueOrDefault((peering.RemoteVirtualNetworkId, peering.VirtualNetworkId));
    }

    /// <summary>The virtual network gateways whose IP configurations sit in this VNet's GatewaySubnet.</summary>
    public ImmutableArray<VirtualNetworkGateway> GatewaysOf(ResourceId vnetId)
    {
        EstateReadLog.Note(typeof(VirtualNetworkGateway));
        return _gatewaysByVnet.GetValueOrDefault(vnetId, []);
    }

    /// <summary>The connections that name this gateway as gateway 1 or 2.</summary>
    public ImmutableArray<VirtualNetworkGatewayConnection> ConnectionsOf(ResourceId gatewayId)
    {
        EstateReadLog.Note(typeof(VirtualNetworkGatewayConnection));
        return _connectionsByGateway.GetValueOrDefault(gatewayId, []);
    }

    /// <summary>
    /// The external sites reached through a connection: those attached to the connection itself, to its
    /// local network gateway, or to its ExpressRoute circuit (the circuit or any of its peerings).
    /// </summary>
    public ImmutableArray<ExternalSite> SitesOf(VirtualNetworkGatewayConnection connection)
    {
        EstateReadLog.Note(typeof(ExternalSite));
        var attachments = new List<ResourceId> { connection.Id };
        if (connection.LocalNetworkGateway2Id is { } local)
        {
            attachments.Add(local);
        }

        if (connection.PeerId is { } circuitId)
        {
            attachments.Add(circuitId);
            if (Find<ExpressRouteCircuit>(circuitId) is { } circuit)
            {
                attachments.AddRange(circuit.Peerings.Select(p => p.Id));
            }
        }

        return [.. attachments.SelectMany(a => _sitesByAttachment.GetValueOrDefault(a, [])).Distinct()];
    }

    /// <summary>The external sites attached to a resource id (a connection, local network gateway, circuit or circuit peering).</summary>
    public ImmutableArray<ExternalSite> SitesAttachedTo(ResourceId id)
    {
        EstateReadLog.Note(typeof(ExternalSite));
        return _sitesByAttachment.GetValueOrDefault(id, []);
    }

    /// <summary>Subnets, NICs and IP configurations that reference an NSG, route table or ASG.</summary>
    public ImmutableArray<Resource> AssociationsOf(ResourceId nsgRouteTableOrAsgId)
    {
        EstateReadLog.NoteAssociations(nsgRouteTableOrAsgId);
        return _associationsByTarget.GetValueOrDefault(nsgRouteTableOrAsgId, []);
    }

    /// <summary>The subnets of every VNet, with their VNet.</summary>
    public IEnumerable<(VirtualNetwork VirtualNetwork, Subnet Subnet)> AllSubnets =>
        VirtualNetworks.SelectMany(v => v.Subnets.Select(s => (v, s)));

    /// <summary>The features declared for a subscription, if any.</summary>
    public SubscriptionFeatures? FeaturesOf(string subscriptionId)
    {
        EstateReadLog.Note(typeof(SubscriptionFeatures));
        return _featuresBySubscription.GetValueOrDefault(subscriptionId);
    }
}
