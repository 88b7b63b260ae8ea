namespace VNetLab.EstateGenerator;

/// <summary>How many resources of each kind the generator wrote (children counted on their own).</summary>
public sealed record EstateCounts
{
    public int ResourceGroups { get; init; }

    public int VirtualNetworks { get; init; }

    public int Subnets { get; init; }

    public int VirtualNetworkPeerings { get; init; }

    public int NetworkSecurityGroups { get; init; }

    public int SecurityRules { get; init; }

    public int ApplicationSecurityGroups { get; init; }

    public int RouteTables { get; init; }

    public int Routes { get; init; }

    public int NetworkInterfaces { get; init; }

    public int VirtualMachines { get; init; }

    public int PublicIpAddresses { get; init; }

    public int VirtualNetworkGateways { get; init; }

    public int LocalNetworkGateways { get; init; }

    public int Connections { get; init; }

    public int ExpressRouteCircuits { get; init; }

    public int AzureFirewalls { get; init; }

    public int ExternalSites { get; init; }

    /// <summary>Prefixes the corporate site advertises over ExpressRoute.</summary>
    public int OnPremisesPrefixes { get; init; }
}
