using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Gateways;

/// <summary>
/// ExpressRoute and VPN gateways in one VNet need a route-based, non-Basic VPN gateway and a /27 or larger
/// GatewaySubnet (constraints.md 3.9, 3.10).
/// </summary>
internal sealed class CoexistenceRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.CoexistenceRequirementsNotMet];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(VirtualNetworkGateway));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        var gateways = estate.GatewaysOf(vnet.Id);
        var vpn = gateways.FirstOrDefault(g => g.GatewayType == VirtualNetworkGatewayType.Vpn);
        var expressRoute = gateways.FirstOrDefault(g => g.GatewayType == VirtualNetworkGatewayType.ExpressRoute);
        if (vpn is null || expressRoute is null)
        {
            return Findings.OrNone(findings);
        }

        var problems = new List<string>();
        if (vpn.VpnType == VpnType.PolicyBased)
        {
            problems.Add("the VPN gateway is PolicyBased");
        }

        if (GatewaySkus.IsBasic(vpn))
        {
            problems.Add("the VPN gateway has the Basic SKU");
        }

        var gatewaySubnet = vnet.Subnets.FirstOrDefault(s => s.IsGatewaySubnet);
        var prefix = gatewaySubnet?.AddressPrefixes.FirstOrDefault(p => p.Prefix.IsV4) ?? default;
        if (prefix.Text is not null && prefix.Prefix.Length > 27)
        {
            problems.Add($"GatewaySubnet is {prefix.Text}");
        }

        if (problems.Count > 0)
        {
            Findings.Add(ref findings, DiagnosticCatalog.CoexistenceRequirementsNotMet(vpn, expressRoute, vnet.Id, string.Join(" and ", problems)));
        }

        return Findings.OrNone(findings);
    }
}
