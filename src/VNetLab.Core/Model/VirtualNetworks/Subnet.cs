using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/virtualNetworks/subnets.</summary>
public sealed record Subnet : Resource
{
    /// <summary>Azure's reserved name for the subnet that holds virtual network gateways.</summary>
    public const string GatewaySubnetName = "GatewaySubnet";

    /// <summary>Azure's reserved name for the subnet that holds an Azure Firewall.</summary>
    public const string AzureFirewallSubnetName = "AzureFirewallSubnet";

    /// <summary><c>properties.addressPrefix</c> or <c>properties.addressPrefixes</c> (both forms exist in the API).</summary>
    public ImmutableArray<AddressPrefix> AddressPrefixes { get; init; } = [];

    public ResourceId? NetworkSecurityGroupId { get; init; }

    public ResourceId? RouteTableId { get; init; }

    public ResourceId? NatGatewayId { get; init; }

    public ImmutableArray<ServiceEndpoint> ServiceEndpoints { get; init; } = [];

    /// <summary>The <c>serviceName</c> of each delegation, e.g. <c>Microsoft.Web/serverFarms</c>.</summary>
    public ImmutableArray<string> Delegations { get; init; } = [];

    /// <summary>The VNet this subnet belongs to (the parent segment of its id).</summary>
    public ResourceId VirtualNetworkId => Id.Parent ?? Id;

    public bool IsGatewaySubnet => string.Equals(Name, GatewaySubnetName, StringComparison.Ordinal);

    public bool IsAzureFirewallSubnet => string.Equals(Name, AzureFirewallSubnetName, StringComparison.Ordinal);
}

/// <summary>A service endpoint on a subnet: <c>{ "service": "Microsoft.Storage", "locations": ["westeurope"] }</c>.</summary>
public sealed record ServiceEndpoint(string Service, ImmutableArray<string> Locations);
