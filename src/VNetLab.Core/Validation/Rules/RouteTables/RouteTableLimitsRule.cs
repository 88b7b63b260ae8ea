using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>Routes and service-tag routes per table, route tables per subscription and region (constraints.md 6.6, 6.7).</summary>
internal sealed class RouteTableLimitsRule(ValidationLimits limits) : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.RoutesPerTableLimit,
        DiagnosticCatalog.Descriptors.ServiceTagRoutesLimit,
        DiagnosticCatalog.Descriptors.RouteTablesPerSubscriptionLimit,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(RouteTable));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var table in estate.RouteTables)
        {
            if (table.Routes.Length > limits.RoutesPerRouteTable)
            {
                yield return DiagnosticCatalog.RoutesPerTableLimit(table, table.Routes.Length, limits.RoutesPerRouteTable);
            }

            var tagRoutes = table.Routes.Count(r => r.Prefix is null && ServiceTags.LooksLikeTag(r.AddressPrefix));
            if (tagRoutes > limits.ServiceTagRoutesPerRouteTable)
            {
                yield return DiagnosticCatalog.ServiceTagRoutesLimit(table, tagRoutes, limits.ServiceTagRoutesPerRouteTable);
            }
        }

        foreach (var (table, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.RouteTables, limits.RouteTablesPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.RouteTablesPerSubscriptionLimit(table, region, count, limits.RouteTablesPerSubscriptionRegion);
        }
    }
}
