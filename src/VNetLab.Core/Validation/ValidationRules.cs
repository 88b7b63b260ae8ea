using System.Collections.Immutable;
using VNetLab.Validation.Rules.Addressing;
using VNetLab.Validation.Rules.ExpressRoute;
using VNetLab.Validation.Rules.Firewall;
using VNetLab.Validation.Rules.Gateways;
using VNetLab.Validation.Rules.Nsg;
using VNetLab.Validation.Rules.Peering;
using VNetLab.Validation.Rules.RouteTables;

namespace VNetLab.Validation;

/// <summary>The rule set the <see cref="Validator"/> runs. A test checks that every rule type in Core is listed here.</summary>
internal static class ValidationRules
{
    public static ImmutableArray<IValidationRule> All(ValidationLimits limits) =>
    [
        // Addressing: VNets, subnets, private IPs (VNL1xxx).
        new SubnetRangeOutsideVnetRule(),
        new InvalidCidrNotationRule(),
        new SubnetRangesOverlapRule(),
        new AddressSpaceRangeRule(),
        new StaticPrivateIpRule(),
        new PrivateIpAllocatedTwiceRule(),
        new SubnetSizeRule(),
        new GatewaySubnetReservedRule(),
        new AzureBastionSubnetSizeRule(),
        new VirtualNetworkLimitsRule(limits),
        new ResourceRegionRule(),
        new SubnetIsFullRule(),
        new DnsServerRule(),

        // Peering (VNL2xxx).
        new UseRemoteGatewaysOnceRule(),
        new RemoteGatewayRule(),
        new PeeringAddressOverlapRule(),
        new DuplicatePeeringRule(),
        new PeeringStateRule(),
        new PeeringSyncRule(),
        new PeeringLimitsRule(limits),

        // Gateways, local network gateways and connections (VNL3xxx).
        new GatewaysPerVnetRule(),
        new GatewaySubnetPlacementRule(),
        new GatewaySkuRule(),
        new GatewaySubnetSizeRule(),
        new CoexistenceRule(),
        new GatewayPublicIpRule(),
        new BasicSkuBgpRule(),
        new ActiveActiveRule(),
        new TunnelLimitRule(),
        new BgpAsnRule(),
        new BgpConnectionRule(),
        new LocalNetworkGatewayRule(),
        new LocalNetworkPrefixOverlapRule(),
        new BgpPrefixLimitRule(limits),
        new SharedKeyRule(),
        new ConnectionEndpointsRule(),
        new ExpressRouteGatewayCircuitsRule(),

        // ExpressRoute circuits, peerings, links and route filters (VNL4xxx).
        new ExpressRouteConnectionRule(),
        new ExpressRouteGeographyRule(),
        new VnetLinksPerCircuitRule(),
        new Office365RouteFilterRule(),
        new RouteFilterRule(),
        new CircuitPeeringRule(),
        new CircuitRoutesRule(limits),
        new CircuitLimitsRule(limits),

        // Route tables and user-defined routes (VNL5xxx).
        new RouteConflictRule(),
        new RouteNextHopIpRule(),
        new VirtualApplianceRule(),
        new GatewayNextHopRule(),
        new RouteTableLimitsRule(limits),
        new RouteAddressPrefixRule(),
        new GatewaySubnetRouteTableRule(),
        new RouteTableLocationRule(),

        // Network security groups and application security groups (VNL6001–VNL6099).
        new SecurityRulePriorityRule(),
        new SecurityRulePortRule(),
        new SecurityRuleAddressRule(),
        new SecurityRulePropertiesRule(),
        new SecurityRuleAsgRule(limits),
        new ApplicationSecurityGroupRule(limits),
        new NsgLimitsRule(limits),
        new BastionSubnetNsgRule(),

        // Azure Firewall (VNL7xxx).
        new AzureFirewallRule(),
        new AzureFirewallSubnetRule(),
    ];
}
