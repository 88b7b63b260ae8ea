using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>
/// A route table is in the region and subscription of the VNets whose subnets use it (constraints.md 6.13,
/// marked "confirm before enforcing", hence a warning).
/// </summary>
internal sealed class RouteTableLocationRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.RouteTableLocationMismatch];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(RouteTable));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            if (estate.Find<RouteTable>(subnet.RouteTableId) is not { } table)
            {
                continue;
            }

            var otherRegion = table.Location is { } tableRegion && vnet.Location is { } vnetRegion && !Regions.Same(tableRegion, vnetRegion);
            var otherSubscription = !string.Equals(table.Id.Subscription, vnet.Id.Subscription, StringComparison.OrdinalIgnoreCase);
            if (otherRegion || otherSubscription)
            {
                Findings.Add(ref findings, DiagnosticCatalog.RouteTableLocationMismatch(subnet, table, table.Location ?? "region not given", vnet.Location ?? "region not given"));
            }
        }

        return Findings.OrNone(findings);
    }
}
