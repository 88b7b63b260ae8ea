namespace VNetLab.Model;

/// <summary>Lists every id one resource refers to, so the estate can resolve them in one place.</summary>
public static class ResourceReferences
{
    public static IEnumerable<ResourceReference> Of(Resource resource)
    {
        switch (resource)
        {
            case Subnet subnet:
                if (subnet.NetworkSecurityGroupId is { } nsg)
                {
                    yield return new(subnet, "properties.networkSecurityGroup.id", nsg, ResourceTypes.NetworkSecurityGroups);
                }

                if (subnet.RouteTableId is { } routeTable)
                {
                    yield return new(subnet, "properties.routeTable.id", routeTable, ResourceTypes.RouteTables);
                }

                break;
            case VirtualNetworkPeering peering:
                yield return new(peering, "properties.remoteVirtualNetwork.id", peering.RemoteVirtualNetworkId, ResourceTypes.VirtualNetworks);
                break;
            case SecurityRule rule:
                foreach (var asg in rule.SourceApplicationSecurityGroupIds)
                {
                    yield return new(rule, "properties.sourceApplicationSecurityGroups", asg, ResourceTypes.ApplicationSecurityGroups);
                }

                foreach (var asg in rule.DestinationApplicationSecurityGroupIds)
                {
                    yield return new(rule, "properties.destinationApplicationSecurityGroups", asg, ResourceTypes.ApplicationSecurityGroups);
                }

                break;
            case NetworkInterface nic:
                if (nic.NetworkSecurityGroupId is { } nicNsg)
                {
                    yield return new(nic, "properties.networkSecurityGroup.id", nicNsg, ResourceTypes.NetworkSecurityGroups);
                }

                if (nic.VirtualMachineId is { } vm)
                {
                    yield return new(nic, "properties.virtualMachine.id", vm, ResourceTypes.VirtualMachines);
                }

                break;
            case NetworkInterfaceIpConfiguration ipConfiguration:
                if (ipConfiguration.SubnetId is { } nicSubnet)
                {
                    yield return new(ipConfiguration, "properties.subnet.id", nicSubnet, ResourceTypes.Subnets);
                }

                if (ipConfiguration.PublicIpAddressId is { } nicPip)
                {
                    yield return new(ipConfiguration, "properties.publicIPAddress.id", nicPip, ResourceTypes.PublicIpAddresses);
                }

                foreach (var asg in ipConfiguration.ApplicationSecurityGroupIds)
                {
                    yield return new(ipConfiguration, "properties.applicationSecurityGroups", asg, ResourceTypes.ApplicationSecurityGroups);
                }

                break;
            case GatewayIpConfiguration gatewayIp:
                if (gatewayIp.SubnetId is { } gatewaySubnet)
                {
                    yield return new(gatewayIp, "properties.subnet.id", gatewaySubnet, ResourceTypes.Subnets);
                }

                if (gatewayIp.PublicIpAddressId is { } gatewayPip)
                {
                    yield return new(gatewayIp, "properties.publicIPAddress.id", gatewayPip, ResourceTypes.PublicIpAddresses);
                }

                break;
            case AzureFirewallIpConfiguration firewallIp:
                if (firewallIp.SubnetId is { } firewallSubnet)
                {
                    yield return new(firewallIp, "properties.subnet.id", firewallSubnet, ResourceTypes.Subnets);
                }

                if (firewallIp.PublicIpAddressId is { } firewallPip)
                {
                    yield return new(firewallIp, "properties.publicIPAddress.id", firewallPip, ResourceTypes.PublicIpAddresses);
                }

                break;
            case VirtualNetworkGatewayConnection connection:
                if (connection.VirtualNetworkGateway1Id is { } gateway1)
                {
                    yield return new(connection, "properties.virtualNetworkGateway1.id", gateway1, ResourceTypes.VirtualNetworkGateways);
                }

                if (connection.VirtualNetworkGateway2Id is { } gateway2)
                {
                    yield return new(connection, "properties.virtualNetworkGateway2.id", gateway2, ResourceTypes.VirtualNetworkGateways);
                }

                if (connection.LocalNetworkGateway2Id is { } local)
                {
                    yield return new(connection, "properties.localNetworkGateway2.id", local, ResourceTypes.LocalNetworkGateways);
                }

                if (connection.PeerId is { } circuit)
                {
                    yield return new(connection, "properties.peer.id", circuit, ResourceTypes.ExpressRouteCircuits);
                }

                break;
            case ExpressRouteCircuitPeering circuitPeering:
                if (circuitPeering.RouteFilterId is { } filter)
                {
                    yield return new(circuitPeering, "properties.routeFilter.id", filter, ResourceTypes.RouteFilters);
                }

                break;
            case VirtualMachine machine:
                foreach (var nicId in machine.NetworkInterfaceIds)
                {
                    yield return new(machine, "properties.networkProfile.networkInterfaces", nicId, ResourceTypes.NetworkInterfaces);
                }

                break;
            case ExternalSite site:
                foreach (var attached in site.AttachedTo)
                {
                    yield return new(site, "properties.attachedTo", attached, attached.ResourceType);
                }

                break;
            default:
                break;
        }
    }
}
