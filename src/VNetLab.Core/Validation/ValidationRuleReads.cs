using System.Collections.Frozen;
using VNetLab.Model;
using VNetLab.Validation.Rules.Addressing;
using VNetLab.Validation.Rules.ExpressRoute;
using VNetLab.Validation.Rules.Firewall;
using VNetLab.Validation.Rules.Gateways;
using VNetLab.Validation.Rules.Nsg;
using VNetLab.Validation.Rules.Peering;
using VNetLab.Validation.Rules.RouteTables;

namespace VNetLab.Validation;

/// <summary>
/// Which top-level resource types each rule reads (directly, through their children, or through the estate's
/// indexes: subnets and peerings are a VNet's, IP configurations a NIC's, <c>AssociationsOf</c> reads VNets and
/// NICs). <see cref="Validator.Revalidate"/> re-runs a rule only when a resource of one of these types changed
/// and reuses its previous diagnostics otherwise. Every rule is estate-wide (it walks every resource of its
/// types), so a rule that reads a changed type re-runs in full. A rule missing here always re-runs; a test
/// checks that every rule of <see cref="ValidationRules"/> is listed.
/// </summary>
internal static class ValidationRuleReads
{
    private static readonly Type _vnet = typeof(VirtualNetwork);
    private static readonly Type _nic = typeof(NetworkInterface);
    private static readonly Type _gateway = typeof(VirtualNetworkGateway);
    private static readonly Type _connection = typeof(VirtualNetworkGatewayConnection);
    private static readonly Type _local = typeof(LocalNetworkGateway);
    private static readonly Type _circuit = typeof(ExpressRouteCircuit);
    private static readonly Type _filter = typeof(RouteFilter);
    private static readonly Type _routeTable = typeof(RouteTable);
    private static readonly Type _nsg = typeof(NetworkSecurityGroup);
    private static readonly Type _asg = typeof(ApplicationSecurityGroup);
    private static readonly Type _publicIp = typeof(PublicIpAddress);
    private static readonly Type _firewall = typeof(AzureFirewall);
    private static readonly Type _site = typeof(ExternalSite);
    private static readonly Type _features = typeof(SubscriptionFeatures);

    private static readonly FrozenDictionary<Type, FrozenSet<Type>> _reads = new Dictionary<Type, Type[]>
    {
        [typeof(SubnetRangeOutsideVnetRule)] = [_vnet],
        [typeof(InvalidCidrNotationRule)] = [_vnet, _routeTable, _local],
        [typeof(SubnetRangesOverlapRule)] = [_vnet],
        [typeof(AddressSpaceRangeRule)] = [_vnet],
        [typeof(StaticPrivateIpRule)] = [_vnet, _nic],
        [typeof(PrivateIpAllocatedTwiceRule)] = [_vnet, _nic],
        [typeof(SubnetSizeRule)] = [_vnet],
        [typeof(GatewaySubnetReservedRule)] = [_vnet, _nic, _firewall],
        [typeof(AzureBastionSubnetSizeRule)] = [_vnet],
        [typeof(VirtualNetworkLimitsRule)] = [_vnet, _nic],
        [typeof(ResourceRegionRule)] = [_vnet, _nic, _gateway, _firewall],
        [typeof(SubnetIsFullRule)] = [_vnet, _nic],
        [typeof(DnsServerRule)] = [_vnet],

        [typeof(UseRemoteGatewaysOnceRule)] = [_vnet],
        [typeof(RemoteGatewayRule)] = [_vnet, _gateway],
        [typeof(PeeringAddressOverlapRule)] = [_vnet],
        [typeof(DuplicatePeeringRule)] = [_vnet],
        [typeof(PeeringStateRule)] = [_vnet],
        [typeof(PeeringSyncRule)] = [_vnet],
        [typeof(PeeringLimitsRule)] = [_vnet, _nic],

        [typeof(GatewaysPerVnetRule)] = [_vnet, _gateway],
        [typeof(GatewaySubnetPlacementRule)] = [_vnet, _gateway],
        [typeof(GatewaySkuRule)] = [_gateway],
        [typeof(GatewaySubnetSizeRule)] = [_vnet, _gateway, _connection],
        [typeof(CoexistenceRule)] = [_vnet, _gateway],
        [typeof(GatewayPublicIpRule)] = [_gateway, _publicIp],
        [typeof(BasicSkuBgpRule)] = [_gateway],
        [typeof(ActiveActiveRule)] = [_gateway, _publicIp],
        [typeof(TunnelLimitRule)] = [_gateway, _connection],
        [typeof(BgpAsnRule)] = [_gateway, _local, _circuit],
        [typeof(BgpConnectionRule)] = [_gateway, _connection, _local],
        [typeof(LocalNetworkGatewayRule)] = [_local],
        [typeof(LocalNetworkPrefixOverlapRule)] = [_vnet, _gateway, _connection, _local],
        [typeof(BgpPrefixLimitRule)] = [_connection, _site],
        [typeof(SharedKeyRule)] = [_connection],
        [typeof(ConnectionEndpointsRule)] = [_gateway, _connection],
        [typeof(ExpressRouteGatewayCircuitsRule)] = [_gateway, _connection, _circuit],

        [typeof(ExpressRouteConnectionRule)] = [_connection, _circuit],
        [typeof(ExpressRouteGeographyRule)] = [_vnet, _gateway, _connection, _circuit],
        [typeof(VnetLinksPerCircuitRule)] = [_gateway, _connection, _circuit],
        [typeof(Office365RouteFilterRule)] = [_circuit, _filter, _features],
        [typeof(Rules.ExpressRoute.RouteFilterRule)] = [_filter],
        [typeof(CircuitPeeringRule)] = [_vnet, _gateway, _connection, _circuit],
        [typeof(CircuitRoutesRule)] = [_circuit, _site],
        [typeof(CircuitLimitsRule)] = [_circuit],

        [typeof(RouteConflictRule)] = [_routeTable],
        [typeof(RouteNextHopIpRule)] = [_routeTable],
        [typeof(VirtualApplianceRule)] = [_vnet, _nic, _routeTable],
        [typeof(GatewayNextHopRule)] = [_vnet, _nic, _gateway, _routeTable],
        [typeof(RouteTableLimitsRule)] = [_routeTable],
        [typeof(RouteAddressPrefixRule)] = [_routeTable],
        [typeof(GatewaySubnetRouteTableRule)] = [_vnet, _routeTable],
        [typeof(RouteTableLocationRule)] = [_vnet, _routeTable],

        [typeof(SecurityRulePriorityRule)] = [_nsg],
        [typeof(SecurityRulePortRule)] = [_nsg],
        [typeof(SecurityRuleAddressRule)] = [_nsg],
        [typeof(SecurityRulePropertiesRule)] = [_nsg],
        [typeof(SecurityRuleAsgRule)] = [_nsg, _asg, _nic],
        [typeof(ApplicationSecurityGroupRule)] = [_asg, _nic],
        [typeof(NsgLimitsRule)] = [_nsg],
        [typeof(BastionSubnetNsgRule)] = [_vnet, _nsg],

        [typeof(AzureFirewallRule)] = [_vnet, _firewall, _publicIp],
        [typeof(AzureFirewallSubnetRule)] = [_vnet, _routeTable, _firewall],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet());

    /// <summary>The top-level resource types a rule reads; null when the rule is not listed (it always re-runs).</summary>
    public static FrozenSet<Type>? Of(IValidationRule rule) => _reads.GetValueOrDefault(rule.GetType());

    /// <summary>Every rule type listed.</summary>
    public static IEnumerable<Type> Listed => _reads.Keys;
}
