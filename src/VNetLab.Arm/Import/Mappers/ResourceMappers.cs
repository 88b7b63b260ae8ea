using System.Collections.Frozen;

namespace VNetLab.Arm.Import.Mappers;

/// <summary>The mapper of every type the importer understands, by full ARM type (case-insensitive).</summary>
internal static class ResourceMappers
{
    private static readonly FrozenDictionary<string, IResourceMapper> _byType = new IResourceMapper[]
    {
        new VirtualNetworkMapper(),
        new SubnetMapper(),
        new VirtualNetworkPeeringMapper(),
        new NetworkSecurityGroupMapper(),
        new SecurityRuleMapper(),
        new ApplicationSecurityGroupMapper(),
        new RouteTableMapper(),
        new RouteMapper(),
        new NetworkInterfaceMapper(),
        new PublicIpAddressMapper(),
        new VirtualNetworkGatewayMapper(),
        new LocalNetworkGatewayMapper(),
        new ConnectionMapper(),
        new ExpressRouteCircuitMapper(),
        new ExpressRouteCircuitPeeringMapper(),
        new ExpressRouteCircuitAuthorizationMapper(),
        new RouteFilterMapper(),
        new RouteFilterRuleMapper(),
        new AzureFirewallMapper(),
        new VirtualMachineMapper(),
        new ExternalSiteMapper(),
        new SubscriptionFeaturesMapper(),
    }.ToFrozenDictionary(m => m.ResourceType, StringComparer.OrdinalIgnoreCase);

    public static IResourceMapper? For(string resourceType) => _byType.GetValueOrDefault(resourceType);

    /// <summary>The canonical spelling of a known type (Resource Graph writes types in lower case).</summary>
    public static string? CanonicalType(string resourceType) => For(resourceType)?.ResourceType;
}
