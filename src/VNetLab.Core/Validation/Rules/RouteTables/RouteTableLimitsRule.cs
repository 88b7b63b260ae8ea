using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>Routes and service-tag routes per table, route tables per subscription and region (constraints.md 6.6, 6.7).</summary>
internal sealed class RouteTableLimitsRule(ValidationLimits limits) : ScopedValidationRule<RouteTable>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.RoutesPerTableLimit,
        DiagnosticCatalog.Descriptors.ServiceTagRoutesLimit,
        DiagnosticCatalog.Descriptors.RouteTablesPerSubscriptionLimit,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Each<RouteTable>();

    protected override IEnumerable<Diagnostic> Validate(Estate estate, RouteTable table)
    {
        List<Diagnostic>? findings = null;
        if (table.Routes.Length > limits.RoutesPerRouteTable)
        {
            Findings.Add(ref findings, DiagnosticCatalog.RoutesPerTableLimit(table, table.Routes.Length, limits.RoutesPerRouteTable));
        }

        var tagRoutes = 0;
        foreach (var route in table.Routes)
        {
            if (route.Prefix is null && ServiceTags.LooksLikeTag(route.AddressPrefix))
            {
                tagRoutes++;
            }
        }

        if (tagRoutes > limits.ServiceTagRoutesPerRouteTable)
        {
            Findings.Add(ref findings, DiagnosticCatalog.ServiceTagRoutesLimit(table, tagRoutes, limits.ServiceTagRoutesPerRouteTable));
        }

        return Findings.OrNone(findings);
    }

    public override IEnumerable<Diagnostic> ValidateEstateWide(Estate estate)
    {
        foreach (var (table, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.RouteTables, limits.RouteTablesPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.RouteTablesPerSubscriptionLimit(table, region, count, limits.RouteTablesPerSubscriptionRegion);
        }
    }
}
