using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>
/// A route's address prefix is a CIDR (constraints.md 2.1) or a service tag that routes may use
/// (semantics.md 4.5). The importer keeps a prefix it cannot parse as text so that this rule can say which.
/// </summary>
internal sealed class RouteAddressPrefixRule : ScopedValidationRule<RouteTable>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.InvalidRouteAddressPrefix, DiagnosticCatalog.Descriptors.ServiceTagNotAllowedInRoute];

    public override ValidationReads Reads { get; } = ValidationReads.Each<RouteTable>();

    protected override IEnumerable<Diagnostic> Validate(Estate estate, RouteTable table)
    {
        foreach (var route in table.Routes.Where(r => r.Prefix is null))
        {
            if (!ServiceTags.LooksLikeTag(route.AddressPrefix))
            {
                yield return DiagnosticCatalog.InvalidRouteAddressPrefix(route);
            }
            else if (ServiceTags.NotAllowedInRoutes.Contains(route.AddressPrefix.Trim()))
            {
                yield return DiagnosticCatalog.ServiceTagNotAllowedInRoute(route);
            }
        }
    }
}
