namespace VNetLab.EstateGenerator.Writing;

/// <summary>Counts what one file holds; the generator sums the files in file order.</summary>
internal sealed class ResourceTally
{
    public int VirtualNetworks { get; set; }

    public int Subnets { get; set; }

    public int VirtualNetworkPeerings { get; set; }

    public int NetworkSecurityGroups { get; set; }

    public int SecurityRules { get; set; }

    public int ApplicationSecurityGroups { get; set; }

    public int RouteTables { get; set; }

    public int Routes { get; set; }

    public int NetworkInterfaces { get; set; }

    public int VirtualMachines { get; set; }

    public int PublicIpAddresses { get; set; }

    public int VirtualNetworkGateways { get; set; }

    public int LocalNetworkGateways { get; set; }

    public int Connections { get; set; }

    public int ExpressRouteCircuits { get; set; }

    public int AzureFirewalls { get; set; }

    public int ExternalSites { get; set; }

    public static EstateCounts Sum(IReadOnlyCollection<ResourceTally> tallies, int onPremisesPrefixes) => new()
    {
        ResourceGroups = tallies.Count,
        VirtualNetworks = tallies.Sum(t => t.VirtualNetworks),
        Subnets = tallies.Sum(t => t.Subnets),
        VirtualNetworkPeerings = tallies.Sum(t => t.VirtualNetworkPeerings),
        NetworkSecurityGroups = tallies.Sum(t => t.NetworkSecurityGroups),
        SecurityRules = tallies.Sum(t => t.SecurityRules),
        ApplicationSecurityGroups = tallies.Sum(t => t.ApplicationSecurityGroups),
        RouteTables = tallies.Sum(t => t.RouteTables),
        Routes = tallies.Sum(t => t.Routes),
        NetworkInterfaces = tallies.Sum(t => t.NetworkInterfaces),
        VirtualMachines = tallies.Sum(t => t.VirtualMachines),
        PublicIpAddresses = tallies.Sum(t => t.PublicIpAddresses),
        VirtualNetworkGateways = tallies.Sum(t => t.VirtualNetworkGateways),
        LocalNetworkGateways = tallies.Sum(t => t.LocalNetworkGateways),
        Connections = tallies.Sum(t => t.Connections),
        ExpressRouteCircuits = tallies.Sum(t => t.ExpressRouteCircuits),
        AzureFirewalls = tallies.Sum(t => t.AzureFirewalls),
        ExternalSites = tallies.Sum(t => t.ExternalSites),
        OnPremisesPrefixes = onPremisesPrefixes,
    };
}
