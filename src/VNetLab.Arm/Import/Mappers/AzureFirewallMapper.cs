using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class AzureFirewallMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.AzureFirewalls;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        var sku = p.Object("sku");
        return new AzureFirewall
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            SkuName = sku?.String("name"),
            SkuTier = sku?.String("tier"),
            ThreatIntelMode = p.String("threatIntelMode"),
            FirewallPolicyId = p.Reference("firewallPolicy"),
            IpConfigurations = [.. p.Objects("ipConfigurations").Select(c => context.Child(c, "ipConfigurations")).OfType<ResourceContext>()
                .Select(c => new AzureFirewallIpConfiguration
                {
                    Id = c.Id,
                    Source = c.Location,
                    SubnetId = c.Properties.Reference("subnet"),
                    PublicIpAddressId = c.Properties.Reference("publicIPAddress"),
                    PrivateIpAddress = c.Properties.IpAddress("privateIPAddress"),
                })],
            NetworkRuleCollections = [.. p.Objects("networkRuleCollections").Select(c => context.Child(c, "networkRuleCollections"))
                .OfType<ResourceContext>().Select(MapCollection).OfType<AzureFirewallNetworkRuleCollection>()],
        };
    }

    private static AzureFirewallNetworkRuleCollection? MapCollection(ResourceContext context)
    {
        var p = context.Properties;
        var priority = p.Int("priority");
        var action = p.Object("action")?.Enum<SecurityRuleAccess>("type");
        if (priority is null || action is null)
        {
            p.Report(Diagnostics.DiagnosticCatalog.MissingRequiredField(p.Location, context.Id, "network rule collection",
                priority is null ? "priority" : "action.type"));
            return null;
        }

        return new AzureFirewallNetworkRuleCollection
        {
            Id = context.Id,
            Source = context.Location,
            Priority = priority.Value,
            Action = action.Value,
            Rules = [.. p.Objects("rules").Select(r => new AzureFirewallNetworkRule
            {
                Name = r.String("name") ?? string.Empty,
                Protocols = r.Strings("protocols"),
                SourceAddresses = r.Strings("sourceAddresses"),
                DestinationAddresses = r.Strings("destinationAddresses"),
                DestinationPorts = r.Strings("destinationPorts"),
                DestinationFqdns = r.Strings("destinationFqdns"),
            })],
        };
    }
}
