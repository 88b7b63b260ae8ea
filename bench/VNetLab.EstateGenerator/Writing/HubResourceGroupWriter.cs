using System.Collections.Immutable;
using VNetLab.EstateGenerator.Planning;

namespace VNetLab.EstateGenerator.Writing;

/// <summary>
/// A hub's resource group: the hub VNet with its peerings, ExpressRoute and VPN gateways with their
/// public IPs and connections, the branch's local network gateway, the Azure Firewall, the GatewaySubnet
/// route table that sends on-premises-to-spoke traffic through the firewall (semantics.md 3.8), and the
/// DNS and jump VMs.
/// </summary>
internal static class HubResourceGroupWriter
{
    private const string GatewaySubnet = "GatewaySubnet";
    private const string AzureFirewallSubnet = "AzureFirewallSubnet";
    private const string AzureBastionSubnet = "AzureBastionSubnet";
    private const string DnsSubnet = "snet-dns";
    private const string ManagementSubnet = "snet-mgmt";

    public static void Write(ArmJsonWriter writer, EstatePlan plan, HubPlan hub)
    {
        var location = hub.Region.Name;
        var rg = hub.ResourceGroup;
        var dnsNsg = hub.Id(ArmIds.NetworkSecurityGroups, $"nsg-{hub.Name}-{DnsSubnet}");
        var managementNsg = hub.Id(ArmIds.NetworkSecurityGroups, $"nsg-{hub.Name}-{ManagementSubnet}");
        var gatewayRouteTable = hub.Id(ArmIds.RouteTables, hub.GatewaySubnetRouteTableName);

        WriteVirtualNetwork(writer, plan, hub, dnsNsg, managementNsg, gatewayRouteTable);
        WriteNetworkSecurityGroups(writer, plan, hub, dnsNsg, managementNsg);
        // One route per spoke, equal to its peering route, so that it overrides it (a shorter aggregate would lose
        // to the peering route by longest prefix match, constraints.md 1.16).
        RouteTableWriter.Write(writer, gatewayRouteTable, hub.GatewaySubnetRouteTableName, location, rg, false,
            plan.SpokesOf(hub).Select(s => new RoutePlan(s.Name, s.AddressSpace, "VirtualAppliance", hub.FirewallPrivateAddress)));

        var erPip = WritePublicIp(writer, hub, "pip-" + hub.ExpressRouteGatewayName, 4);
        var vpnPip = WritePublicIp(writer, hub, "pip-" + hub.VpnGatewayName, 5);
        var firewallPip = WritePublicIp(writer, hub, "pip-" + hub.FirewallName, 6);

        var erGateway = WriteGateway(writer, hub, hub.ExpressRouteGatewayName, "ExpressRoute", "ErGw2AZ", erPip);
        var vpnGateway = WriteGateway(writer, hub, hub.VpnGatewayName, "Vpn", "VpnGw2AZ", vpnPip);
        WriteLocalNetworkGateway(writer, hub);
        WriteConnection(writer, hub, $"cn-{hub.ExpressRouteGatewayName}-to-{hub.Circuit.Name}", "ExpressRoute", erGateway, peerId: hub.Circuit.Id);
        WriteConnection(writer, hub, $"cn-{hub.VpnGatewayName}-to-{hub.Branch.Name}", "IPsec", vpnGateway, localNetworkGatewayId: hub.Branch.LocalNetworkGatewayId);
        WriteFirewall(writer, plan, hub, firewallPip);

        for (var i = 0; i < 2; i++)
        {
            NetworkInterfaceWriter.Write(writer, hub.Subscription, rg, location, $"vm-{hub.Name}-dns{i + 1:D2}", "Standard_D2s_v5",
                hub.SubnetId(DnsSubnet), hub.DnsServers[i], null);
        }

        for (var i = 0; i < 2; i++)
        {
            NetworkInterfaceWriter.Write(writer, hub.Subscription, rg, location, $"vm-{hub.Name}-jump{i + 1:D2}", "Standard_D2s_v5",
                hub.SubnetId(ManagementSubnet), hub.ManagementSubnet.Address(AddressPlan.FirstHostOffset + (uint)i), null);
        }
    }

    private static void WriteVirtualNetwork(ArmJsonWriter writer, EstatePlan plan, HubPlan hub, string dnsNsg, string managementNsg, string gatewayRouteTable)
    {
        var json = writer.Json;
        var vnetId = hub.VirtualNetworkId;
        writer.BeginResource(vnetId, hub.VirtualNetworkName, ArmIds.VirtualNetworks, hub.Region.Name, hub.ResourceGroup, j =>
        {
            j.WriteStartObject("tags");
            j.WriteString("role", "hub");
            j.WriteEndObject();
        });
        writer.AddressSpace("addressSpace", [hub.AddressSpace]);
        json.WriteStartObject("dhcpOptions");
        writer.Strings("dnsServers", hub.DnsServers.Select(Ipv4.Format));
        json.WriteEndObject();

        json.WriteStartArray("subnets");
        WriteSubnet(writer, hub, GatewaySubnet, hub.GatewaySubnet, null, gatewayRouteTable);
        WriteSubnet(writer, hub, AzureFirewallSubnet, hub.AzureFirewallSubnet, null, null);
        WriteSubnet(writer, hub, AzureBastionSubnet, hub.AzureBastionSubnet, null, null);
        WriteSubnet(writer, hub, DnsSubnet, hub.DnsSubnet, dnsNsg, null);
        WriteSubnet(writer, hub, ManagementSubnet, hub.ManagementSubnet, managementNsg, null);
        json.WriteEndArray();

        // The hubs are fully meshed, then each hub peers with its spokes and offers them its gateways.
        json.WriteStartArray("virtualNetworkPeerings");
        foreach (var other in plan.Hubs.Where(h => h.Index != hub.Index))
        {
            PeeringWriter.Write(writer, vnetId, $"peer-{hub.Name}-to-{other.Name}", other.VirtualNetworkId, other.AddressSpace,
                allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false);
        }

        foreach (var spoke in plan.SpokesOf(hub))
        {
            PeeringWriter.Write(writer, vnetId, spoke.HubPeeringName(hub), spoke.VirtualNetworkId, spoke.AddressSpace,
                allowForwardedTraffic: true, allowGatewayTransit: spoke.UsesHubGateways, useRemoteGateways: false);
        }

        foreach (var spoke in plan.SecondarySpokesOf(hub))
        {
            PeeringWriter.Write(writer, vnetId, spoke.HubPeeringName(hub), spoke.VirtualNetworkId, spoke.AddressSpace,
                allowForwardedTraffic: true, allowGatewayTransit: true, useRemoteGateways: false);
        }

        json.WriteEndArray();
        json.WriteBoolean("enableDdosProtection", false);
        writer.End();
        writer.Tally.VirtualNetworks++;
    }

    private static void WriteSubnet(ArmJsonWriter writer, HubPlan hub, string name, Ipv4Prefix prefix, string? nsgId, string? routeTableId)
    {
        writer.BeginChild(hub.SubnetId(name), name, ArmIds.Subnets);
        writer.Json.WriteString("addressPrefix", prefix.ToString());
        if (nsgId is not null)
        {
            writer.Reference("networkSecurityGroup", nsgId);
        }

        if (routeTableId is not null)
        {
            writer.Reference("routeTable", routeTableId);
        }

        writer.End();
        writer.Tally.Subnets++;
    }

    private static void WriteNetworkSecurityGroups(ArmJsonWriter writer, EstatePlan plan, HubPlan hub, string dnsNsg, string managementNsg)
    {
        ImmutableArray<string> onPremises = [.. AddressPlan.OnPremisesAggregates.Select(p => p.ToString())];
        ImmutableArray<string> management = [.. plan.ManagementPrefixes.Select(p => p.ToString())];
        SecurityRuleWriter.WriteNetworkSecurityGroup(writer, dnsNsg, $"nsg-{hub.Name}-{DnsSubnet}", hub.Region.Name, hub.ResourceGroup,
        [
            new()
            {
                Name = "Allow-Dns-From-VirtualNetwork", Description = "Spokes resolve names through the hub DNS servers",
                Protocol = "*", DestinationPorts = ["53"], SourcePrefixes = ["VirtualNetwork"], DestinationPrefixes = ["*"],
                Allow = true, Priority = 100, Inbound = true,
            },
            new()
            {
                Name = "Allow-Dns-From-OnPrem", Description = "Conditional forwarding from on-premises DNS",
                Protocol = "*", DestinationPorts = ["53"], SourcePrefixes = onPremises, DestinationPrefixes = ["*"],
                Allow = true, Priority = 110, Inbound = true,
            },
            new()
            {
                Name = "Allow-Mgmt-From-OnPrem", Description = "SSH and RDP from the on-premises management networks",
                Protocol = "Tcp", DestinationPorts = ["22", "3389"], SourcePrefixes = management, DestinationPrefixes = ["*"],
                Allow = true, Priority = 120, Inbound = true,
            },
        ]);
        SecurityRuleWriter.WriteNetworkSecurityGroup(writer, managementNsg, $"nsg-{hub.Name}-{ManagementSubnet}", hub.Region.Name, hub.ResourceGroup,
        [
            new()
            {
                Name = "Allow-Mgmt-From-OnPrem", Description = "Administrators reach the jump hosts from on-premises",
                Protocol = "Tcp", DestinationPorts = ["22", "3389"], SourcePrefixes = management, DestinationPrefixes = ["*"],
                Allow = true, Priority = 100, Inbound = true,
            },
            new()
            {
                Name = "Deny-Internet-Inbound", Description = "Jump hosts are never reached from the Internet",
                Protocol = "*", DestinationPorts = ["*"], SourcePrefixes = ["Internet"], DestinationPrefixes = ["*"],
                Allow = false, Priority = 4000, Inbound = true,
            },
        ]);
    }

    private static string WritePublicIp(ArmJsonWriter writer, HubPlan hub, string name, uint host)
    {
        var id = hub.Id(ArmIds.PublicIpAddresses, name);
        writer.BeginResource(id, name, ArmIds.PublicIpAddresses, hub.Region.Name, hub.ResourceGroup, j =>
        {
            j.WriteStartObject("sku");
            j.WriteString("name", "Standard");
            j.WriteString("tier", "Regional");
            j.WriteEndObject();
            j.WriteStartArray("zones");
            j.WriteStringValue("1");
            j.WriteStringValue("2");
            j.WriteStringValue("3");
            j.WriteEndArray();
        });
        writer.Json.WriteString("ipAddress", Ipv4.Format(hub.PublicAddress(host)));
        writer.Json.WriteString("publicIPAddressVersion", "IPv4");
        writer.Json.WriteString("publicIPAllocationMethod", "Static");
        writer.Json.WriteNumber("idleTimeoutInMinutes", 4);
        writer.End();
        writer.Tally.PublicIpAddresses++;
        return id;
    }

    private static string WriteGateway(ArmJsonWriter writer, HubPlan hub, string name, string gatewayType, string sku, string publicIpId)
    {
        var json = writer.Json;
        var id = hub.Id(ArmIds.VirtualNetworkGateways, name);
        var isVpn = gatewayType == "Vpn";
        writer.BeginResource(id, name, ArmIds.VirtualNetworkGateways, hub.Region.Name, hub.ResourceGroup);
        json.WriteString("gatewayType", gatewayType);
        json.WriteString("vpnType", "RouteBased");
        if (isVpn)
        {
            json.WriteString("vpnGatewayGeneration", "Generation2");
        }

        json.WriteStartObject("sku");
        json.WriteString("name", sku);
        json.WriteString("tier", sku);
        json.WriteEndObject();
        json.WriteBoolean("activeActive", false);
        json.WriteBoolean("enableBgp", isVpn);
        if (!isVpn)
        {
            // Said explicitly so that hubs linked to one circuit do not exchange routes (semantics.md 5.7).
            json.WriteBoolean("allowRemoteVnetTraffic", false);
            json.WriteBoolean("allowVirtualWanTraffic", false);
        }

        json.WriteStartArray("ipConfigurations");
        writer.BeginChild(ArmIds.Child(id, "ipConfigurations", "vnetGatewayConfig0"), "vnetGatewayConfig0", ArmIds.VirtualNetworkGateways + "/ipConfigurations");
        json.WriteString("privateIPAllocationMethod", "Dynamic");
        writer.Reference("subnet", hub.SubnetId(GatewaySubnet));
        writer.Reference("publicIPAddress", publicIpId);
        writer.End();
        json.WriteEndArray();
        if (isVpn)
        {
            json.WriteStartObject("bgpSettings");
            json.WriteNumber("asn", HubPlan.GatewayAsn);
            json.WriteString("bgpPeeringAddress", Ipv4.Format(hub.VpnGatewayBgpAddress));
            json.WriteNumber("peerWeight", 0);
            json.WriteEndObject();
        }

        writer.End();
        writer.Tally.VirtualNetworkGateways++;
        return id;
    }

    private static void WriteLocalNetworkGateway(ArmJsonWriter writer, HubPlan hub)
    {
        var branch = hub.Branch;
        var json = writer.Json;
        writer.BeginResource(branch.LocalNetworkGatewayId, branch.LocalNetworkGatewayName, ArmIds.LocalNetworkGateways, hub.Region.Name, hub.ResourceGroup);
        json.WriteString("gatewayIpAddress", Ipv4.Format(branch.PublicAddress));
        // With BGP the address space stays empty: the gateway adds the host route to the BGP peer itself (semantics.md 5.2).
        writer.AddressSpace("localNetworkAddressSpace", []);
        json.WriteStartObject("bgpSettings");
        json.WriteNumber("asn", branch.Asn);
        json.WriteString("bgpPeeringAddress", Ipv4.Format(branch.BgpPeerAddress));
        json.WriteNumber("peerWeight", 0);
        json.WriteEndObject();
        writer.End();
        writer.Tally.LocalNetworkGateways++;
    }

    private static void WriteConnection(ArmJsonWriter writer, HubPlan hub, string name, string connectionType, string gatewayId,
        string? peerId = null, string? localNetworkGatewayId = null)
    {
        var json = writer.Json;
        writer.BeginResource(hub.Id(ArmIds.Connections, name), name, ArmIds.Connections, hub.Region.Name, hub.ResourceGroup);
        json.WriteString("connectionType", connectionType);
        if (connectionType == "IPsec")
        {
            json.WriteString("connectionProtocol", "IKEv2");
        }

        writer.Reference("virtualNetworkGateway1", gatewayId);
        if (peerId is not null)
        {
            writer.Reference("peer", peerId);
        }

        if (localNetworkGatewayId is not null)
        {
            writer.Reference("localNetworkGateway2", localNetworkGatewayId);
        }

        json.WriteNumber("routingWeight", 0);
        json.WriteBoolean("enableBgp", localNetworkGatewayId is not null);
        json.WriteBoolean("usePolicyBasedTrafficSelectors", false);
        json.WriteBoolean("expressRouteGatewayBypass", false);
        writer.End();
        writer.Tally.Connections++;
    }

    private static void WriteFirewall(ArmJsonWriter writer, EstatePlan plan, HubPlan hub, string publicIpId)
    {
        var json = writer.Json;
        var id = hub.Id(ArmIds.AzureFirewalls, hub.FirewallName);
        ImmutableArray<string> spokes = hub.SpokeAggregates.IsEmpty ? [hub.AddressSpace.ToString()] : [.. hub.SpokeAggregates.Select(p => p.ToString())];
        ImmutableArray<string> onPremises = [.. AddressPlan.OnPremisesAggregates.Select(p => p.ToString())];
        ImmutableArray<string> hubAndSpokes = [.. spokes, hub.AddressSpace.ToString()];

        writer.BeginResource(id, hub.FirewallName, ArmIds.AzureFirewalls, hub.Region.Name, hub.ResourceGroup);
        json.WriteStartObject("sku");
        json.WriteString("name", "AZFW_VNet");
        json.WriteString("tier", "Standard");
        json.WriteEndObject();
        json.WriteString("threatIntelMode", "Alert");
        json.WriteStartArray("ipConfigurations");
        writer.BeginChild(ArmIds.Child(id, "azureFirewallIpConfigurations", "ipconfig1"), "ipconfig1", ArmIds.AzureFirewalls + "/azureFirewallIpConfigurations");
        json.WriteString("privateIPAddress", Ipv4.Format(hub.FirewallPrivateAddress));
        writer.Reference("subnet", hub.SubnetId(AzureFirewallSubnet));
        writer.Reference("publicIPAddress", publicIpId);
        writer.End();
        json.WriteEndArray();

        json.WriteStartArray("networkRuleCollections");
        WriteRuleCollection(writer, id, "rc-platform", 100,
        [
            ("dns-to-hub", ["UDP", "TCP"], hubAndSpokes, [hub.DnsSubnet.ToString()], ["53"]),
            ("ntp", ["UDP"], hubAndSpokes, ["*"], ["123"]),
        ]);
        WriteRuleCollection(writer, id, "rc-onprem", 200,
        [
            ("spokes-to-onprem", ["Any"], spokes, onPremises, ["*"]),
            ("onprem-to-spokes", ["Any"], onPremises, spokes, ["*"]),
        ]);
        WriteRuleCollection(writer, id, "rc-east-west", 300,
        [
            ("spoke-to-spoke-https", ["TCP"], spokes, [AddressPlan.SpokePool.ToString()], ["443", "8443"]),
        ]);
        WriteRuleCollection(writer, id, "rc-internet", 400,
        [
            ("web-egress", ["TCP"], spokes, ["*"], ["80", "443"]),
        ]);
        json.WriteEndArray();
        json.WriteStartArray("applicationRuleCollections");
        json.WriteEndArray();
        json.WriteStartArray("natRuleCollections");
        json.WriteEndArray();
        writer.End();
        writer.Tally.AzureFirewalls++;
    }

    private static void WriteRuleCollection(ArmJsonWriter writer, string firewallId, string name, int priority,
        (string Name, string[] Protocols, ImmutableArray<string> Sources, ImmutableArray<string> Destinations, string[] Ports)[] rules)
    {
        var json = writer.Json;
        writer.BeginChild(ArmIds.Child(firewallId, "networkRuleCollections", name), name, ArmIds.AzureFirewalls + "/networkRuleCollections");
        json.WriteNumber("priority", priority);
        json.WriteStartObject("action");
        json.WriteString("type", "Allow");
        json.WriteEndObject();
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("name", rule.Name);
            writer.Strings("protocols", rule.Protocols);
            writer.Strings("sourceAddresses", rule.Sources);
            writer.Strings("destinationAddresses", rule.Destinations);
            writer.Strings("destinationPorts", rule.Ports);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        writer.End();
    }
}
