using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>
/// The route table on GatewaySubnet has no 0.0.0.0/0 route (gateways are blocked from being created with
/// one) and keeps gateway route propagation on (constraints.md 6.9, 6.10, 3.19).
/// </summary>
internal sealed class GatewaySubnetRouteTableRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.DefaultRouteOnGatewaySubnet, DiagnosticCatalog.Descriptors.BgpPropagationDisabledOnGatewaySubnet];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(RouteTable));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            if (!subnet.IsGatewaySubnet)
            {
                continue;
            }

            if (estate.Find<RouteTable>(subnet.RouteTableId) is not { } table)
            {
                continue;
            }

            if (table.Routes.FirstOrDefault(r => r.Prefix is { Length: 0, IsV4: true }) is { } defaultRoute)
            {
                Findings.Add(ref findings, DiagnosticCatalog.DefaultRouteOnGatewaySubnet(subnet, table, defaultRoute));
            }

            if (table.DisableBgpRoutePropagation)
            {
                Findings.Add(ref findings, DiagnosticCatalog.BgpPropagationDisabledOnGatewaySubnet(subnet, table));
            }
        }

        return Findings.OrNone(findings);
    }
}
