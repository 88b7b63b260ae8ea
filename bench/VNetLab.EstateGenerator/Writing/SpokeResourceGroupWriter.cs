using VNetLab.EstateGenerator.Planning;

namespace VNetLab.EstateGenerator.Writing;

/// <summary>A spoke's resource group: its VNet (subnets and peerings inline), NSG, ASGs, route table, NICs and VMs.</summary>
internal static class SpokeResourceGroupWriter
{
    public static void Write(ArmJsonWriter writer, EstatePlan plan, SpokePlan spoke)
    {
        var location = spoke.Region.Name;
        var rg = spoke.ResourceGroup;
        var nsgId = spoke.Id(ArmIds.NetworkSecurityGroups, spoke.NetworkSecurityGroupName);
        var routeTableId = spoke.HasRouteTable ? spoke.Id(ArmIds.RouteTables, spoke.RouteTableName) : null;

        WriteVirtualNetwork(writer, spoke, nsgId, routeTableId);
        SecurityRuleWriter.WriteNetworkSecurityGroup(writer, nsgId, spoke.NetworkSecurityGroupName, location, rg, SpokeSecurityRules.Build(plan, spoke));
        foreach (var tier in Enum.GetValues<Tier>())
        {
            writer.BeginResource(spoke.ApplicationSecurityGroupId(tier), spoke.ApplicationSecurityGroupName(tier), ArmIds.ApplicationSecurityGroups, location, rg);
            writer.End();
            writer.Tally.ApplicationSecurityGroups++;
        }

        if (routeTableId is not null)
        {
            RouteTableWriter.Write(writer, routeTableId, spoke.RouteTableName, location, rg, spoke.DisableBgpRoutePropagation, SpokeRoutes.Build(plan, spoke));
        }

        foreach (var subnet in spoke.Subnets)
        {
            for (var nic = 0; nic < plan.Options.NicsPerSubnet; nic++)
            {
                NetworkInterfaceWriter.Write(writer, spoke.Subscription, rg, location, spoke.VirtualMachineName(subnet, nic), VmSize(subnet.Tier),
                    spoke.SubnetId(subnet), subnet.Prefix.Address(AddressPlan.FirstHostOffset + (uint)nic), spoke.ApplicationSecurityGroupId(subnet.Tier));
            }
        }
    }

    private static void WriteVirtualNetwork(ArmJsonWriter writer, SpokePlan spoke, string nsgId, string? routeTableId)
    {
        var json = writer.Json;
        var vnetId = spoke.VirtualNetworkId;
        writer.BeginResource(vnetId, spoke.VirtualNetworkName, ArmIds.VirtualNetworks, spoke.Region.Name, spoke.ResourceGroup, j =>
        {
            j.WriteStartObject("tags");
            j.WriteString("role", "spoke");
            j.WriteString("landingZone", spoke.LandingZone);
            j.WriteEndObject();
        });
        writer.AddressSpace("addressSpace", [spoke.AddressSpace]);
        json.WriteStartObject("dhcpOptions");
        writer.Strings("dnsServers", spoke.Hub.DnsServers.Select(Ipv4.Format));
        json.WriteEndObject();

        json.WriteStartArray("subnets");
        foreach (var subnet in spoke.Subnets)
        {
            writer.BeginChild(spoke.SubnetId(subnet), subnet.Name, ArmIds.Subnets);
            json.WriteString("addressPrefix", subnet.Prefix.ToString());
            writer.Reference("networkSecurityGroup", nsgId);
            if (routeTableId is not null)
            {
                writer.Reference("routeTable", routeTableId);
            }

            json.WriteString("privateEndpointNetworkPolicies", "Disabled");
            json.WriteString("privateLinkServiceNetworkPolicies", "Enabled");
            writer.End();
            writer.Tally.Subnets++;
        }

        json.WriteEndArray();

        json.WriteStartArray("virtualNetworkPeerings");
        PeeringWriter.Write(writer, vnetId, spoke.PeeringName(spoke.Hub), spoke.Hub.VirtualNetworkId, spoke.Hub.AddressSpace,
            allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: spoke.UsesHubGateways);
        if (spoke.SecondHub is { } second)
        {
            PeeringWriter.Write(writer, vnetId, spoke.PeeringName(second), second.VirtualNetworkId, second.AddressSpace,
                allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: true);
        }

        json.WriteEndArray();
        json.WriteBoolean("enableDdosProtection", false);
        writer.End();
        writer.Tally.VirtualNetworks++;
    }

    private static string VmSize(Tier tier) => tier switch
    {
        Tier.Web => "Standard_D2s_v5",
        Tier.App => "Standard_D4s_v5",
        _ => "Standard_E8s_v5",
    };
}
