using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Arm.Contracts;

/// <summary><c>inspect --format json</c>: counts per resource type, then each VNet with its address space, subnets, peerings and gateways.</summary>
public sealed record InventoryDocument(
    ImmutableSortedDictionary<string, int> Counts,
    ImmutableArray<InventoryVirtualNetwork> VirtualNetworks,
    ImmutableArray<InventoryExternalSite> ExternalSites)
{
    public static InventoryDocument From(Estate estate)
    {
        var counts = estate.AllResources
            .GroupBy(r => r.Id.ResourceType, StringComparer.OrdinalIgnoreCase)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return new(
            counts,
            [.. estate.VirtualNetworks.OrderBy(v => v.Id).Select(v => InventoryVirtualNetwork.From(estate, v))],
            [.. estate.ExternalSites.OrderBy(s => s.Id).Select(s => new InventoryExternalSite(
                s.Id.Value, s.Name, s.Asn, Role(s.Role), [.. s.AddressSpace.Select(p => p.ToString())],
                [.. s.AdvertisedPrefixes.Select(p => p.ToString())], [.. s.AttachedTo.Select(a => a.Value)]))]);
    }

    /// <summary>The role as the input spells it (CONTRACT.md).</summary>
    public static string Role(ExternalSiteRole role) => role switch
    {
        ExternalSiteRole.InternetProxy => "internet-proxy",
        ExternalSiteRole.OnPremises => "on-premises",
        ExternalSiteRole.Internet => "internet",
        _ => "other",
    };
}

public sealed record InventoryVirtualNetwork(
    string Id,
    string Name,
    string? Location,
    ImmutableArray<string> AddressSpace,
    ImmutableArray<InventorySubnet> Subnets,
    ImmutableArray<InventoryPeering> Peerings,
    ImmutableArray<InventoryGateway> Gateways)
{
    public static InventoryVirtualNetwork From(Estate estate, VirtualNetwork v) => new(
        v.Id.Value, v.Name, v.Location, [.. v.AddressSpace.Select(p => p.Text)],
        [.. v.Subnets.Select(s => new InventorySubnet(s.Name, [.. s.AddressPrefixes.Select(p => p.Text)],
            s.NetworkSecurityGroupId?.Name, s.RouteTableId?.Name, estate.NetworkInterfacesIn(s.Id).Length))],
        [.. v.Peerings.Select(p => new InventoryPeering(p.Name, p.RemoteVirtualNetworkId.Value, p.AllowVirtualNetworkAccess,
            p.AllowForwardedTraffic, p.AllowGatewayTransit, p.UseRemoteGateways, p.PeeringState?.ToString()))],
        [.. estate.GatewaysOf(v.Id).Select(g => new InventoryGateway(g.Name, g.GatewayType.ToString(), g.SkuName,
            g.VpnType?.ToString(), g.ActiveActive, g.EnableBgp, g.BgpSettings?.Asn))]);
}

public sealed record InventorySubnet(string Name, ImmutableArray<string> AddressPrefixes, string? NetworkSecurityGroup, string? RouteTable, int NetworkInterfaces);

public sealed record InventoryPeering(string Name, string RemoteVirtualNetwork, bool AllowVirtualNetworkAccess, bool AllowForwardedTraffic,
    bool AllowGatewayTransit, bool UseRemoteGateways, string? PeeringState);

public sealed record InventoryGateway(string Name, string GatewayType, string? Sku, string? VpnType, bool ActiveActive, bool EnableBgp, long? Asn);

public sealed record InventoryExternalSite(string Id, string Name, long? Asn, string Role, ImmutableArray<string> AddressSpace,
    ImmutableArray<string> AdvertisedPrefixes, ImmutableArray<string> AttachedTo);
