using VNetLab.EstateGenerator.Planning;

namespace VNetLab.EstateGenerator.Writing;

/// <summary>
/// The shared connectivity resource groups: the ExpressRoute circuits, and the twin's external sites for
/// what Azure resources do not describe: the corporate network behind every circuit's private peering
/// (with the thousands of prefixes it advertises) and each VPN branch behind its local network gateway.
/// </summary>
internal static class ConnectivityWriter
{
    public static void WriteCircuits(ArmJsonWriter writer, EstatePlan plan)
    {
        var json = writer.Json;
        var bandwidth = plan.Options.OnPremisesPrefixes > 1_000 ? 10_000 : 1_000;
        foreach (var circuit in plan.Circuits)
        {
            var tier = circuit.Premium ? "Premium" : "Standard";
            writer.BeginResource(circuit.Id, circuit.Name, ArmIds.ExpressRouteCircuits, circuit.Region.Name, CircuitPlan.ResourceGroup, j =>
            {
                j.WriteStartObject("sku");
                j.WriteString("name", tier + "_MeteredData");
                j.WriteString("tier", tier);
                j.WriteString("family", "MeteredData");
                j.WriteEndObject();
            });
            json.WriteString("circuitProvisioningState", "Enabled");
            json.WriteString("serviceProviderProvisioningState", "Provisioned");
            json.WriteStartObject("serviceProviderProperties");
            json.WriteString("serviceProviderName", "Equinix");
            json.WriteString("peeringLocation", circuit.Region.PeeringLocation);
            json.WriteNumber("bandwidthInMbps", bandwidth);
            json.WriteEndObject();
            json.WriteBoolean("allowClassicOperations", false);
            json.WriteBoolean("globalReachEnabled", false);
            json.WriteStartArray("authorizations");
            json.WriteEndArray();
            json.WriteStartArray("peerings");
            writer.BeginChild(circuit.PrivatePeeringId, "AzurePrivatePeering", ArmIds.ExpressRouteCircuitPeerings);
            json.WriteString("peeringType", "AzurePrivatePeering");
            json.WriteString("state", "Enabled");
            json.WriteNumber("azureASN", 12076);
            json.WriteNumber("peerASN", EstatePlan.OnPremisesAsn);
            json.WriteString("primaryPeerAddressPrefix", circuit.PrimaryLink.ToString());
            json.WriteString("secondaryPeerAddressPrefix", circuit.SecondaryLink.ToString());
            json.WriteNumber("vlanId", 100);
            writer.End();
            json.WriteEndArray();
            writer.End();
            writer.Tally.ExpressRouteCircuits++;
        }
    }

    public static void WriteExternalSites(ArmJsonWriter writer, EstatePlan plan)
    {
        var rg = EstatePlan.OnPremisesResourceGroup;
        var home = plan.Hubs[0].Region.Name;
        WriteSite(writer, plan.ConnectivitySubscription, rg, EstatePlan.OnPremisesSiteName, home, EstatePlan.OnPremisesAsn,
            AddressPlan.OnPremisesAggregates, plan.OnPremisesPrefixes, plan.Circuits.Select(c => c.PrivatePeeringId));
        foreach (var hub in plan.Hubs)
        {
            var branch = hub.Branch;
            WriteSite(writer, plan.ConnectivitySubscription, rg, branch.Name, hub.Region.Name, branch.Asn,
                [branch.AddressSpace], [branch.AddressSpace], [branch.LocalNetworkGatewayId]);
        }
    }

    private static void WriteSite(ArmJsonWriter writer, string subscription, string resourceGroup, string name, string location, long asn,
        IEnumerable<Ipv4Prefix> addressSpace, IEnumerable<Ipv4Prefix> advertised, IEnumerable<string> attachedTo)
    {
        var json = writer.Json;
        writer.BeginResource(ArmIds.Of(subscription, resourceGroup, ArmIds.ExternalSites, name), name, ArmIds.ExternalSites, location, resourceGroup);
        json.WriteNumber("asn", asn);
        writer.Prefixes("addressSpace", addressSpace);
        writer.Prefixes("advertisedPrefixes", advertised);
        writer.Strings("attachedTo", attachedTo);
        json.WriteString("role", "on-premises");
        writer.End();
        writer.Tally.ExternalSites++;
    }
}
