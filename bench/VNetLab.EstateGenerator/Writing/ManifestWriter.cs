using System.Text.Json;

namespace VNetLab.EstateGenerator.Writing;

/// <summary>Writes <c>manifest.json</c> field by field, indented for people, in a fixed order.</summary>
internal static class ManifestWriter
{
    public static void Write(EstateManifest manifest, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("generator", EstateManifest.GeneratorName);
        json.WriteNumber("formatVersion", manifest.FormatVersion);

        var options = manifest.Options;
        json.WriteStartObject("options");
        json.WriteNumber("hubs", options.Hubs);
        json.WriteNumber("spokes", options.Spokes);
        json.WriteNumber("subnetsPerSpoke", options.SubnetsPerSpoke);
        json.WriteNumber("nicsPerSubnet", options.NicsPerSubnet);
        json.WriteNumber("onpremPrefixes", options.OnPremisesPrefixes);
        json.WriteNumber("nsgRules", options.NsgRules);
        json.WriteNumber("udrs", options.Udrs);
        json.WriteNumber("seed", options.Seed);
        json.WriteBoolean("violations", options.IncludeViolations);
        json.WriteEndObject();

        json.WriteString("estateDirectory", manifest.EstateDirectory);
        json.WriteString("connectivitySubscription", manifest.ConnectivitySubscription);
        json.WriteNumber("landingZoneSubscriptions", manifest.LandingZoneSubscriptions);

        var c = manifest.Counts;
        json.WriteStartObject("counts");
        json.WriteNumber("resourceGroups", c.ResourceGroups);
        json.WriteNumber("virtualNetworks", c.VirtualNetworks);
        json.WriteNumber("subnets", c.Subnets);
        json.WriteNumber("virtualNetworkPeerings", c.VirtualNetworkPeerings);
        json.WriteNumber("networkSecurityGroups", c.NetworkSecurityGroups);
        json.WriteNumber("securityRules", c.SecurityRules);
        json.WriteNumber("applicationSecurityGroups", c.ApplicationSecurityGroups);
        json.WriteNumber("routeTables", c.RouteTables);
        json.WriteNumber("routes", c.Routes);
        json.WriteNumber("networkInterfaces", c.NetworkInterfaces);
        json.WriteNumber("virtualMachines", c.VirtualMachines);
        json.WriteNumber("publicIPAddresses", c.PublicIpAddresses);
        json.WriteNumber("virtualNetworkGateways", c.VirtualNetworkGateways);
        json.WriteNumber("localNetworkGateways", c.LocalNetworkGateways);
        json.WriteNumber("connections", c.Connections);
        json.WriteNumber("expressRouteCircuits", c.ExpressRouteCircuits);
        json.WriteNumber("azureFirewalls", c.AzureFirewalls);
        json.WriteNumber("externalSites", c.ExternalSites);
        json.WriteNumber("onPremisesPrefixes", c.OnPremisesPrefixes);
        json.WriteEndObject();

        json.WriteStartArray("violations");
        foreach (var v in manifest.Violations)
        {
            json.WriteStartObject();
            json.WriteString("constraint", "constraints.md " + v.Constraint);
            if (v.AzureCode is null)
            {
                json.WriteNull("azureCode");
            }
            else
            {
                json.WriteString("azureCode", v.AzureCode);
            }

            json.WriteString("resourceId", v.ResourceId);
            json.WriteStartArray("relatedResourceIds");
            foreach (var id in v.RelatedResourceIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("message", v.Message);
            json.WriteString("description", v.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("sampleNetworkInterfaces");
        foreach (var sample in manifest.SampleNetworkInterfaces)
        {
            json.WriteStartObject();
            json.WriteString("label", sample.Label);
            json.WriteString("id", sample.Id);
            json.WriteString("privateIPAddress", sample.PrivateIpAddress);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("files");
        foreach (var file in manifest.Files)
        {
            json.WriteStringValue(file);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
