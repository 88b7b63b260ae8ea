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
        List<Diagnostic>? findings = null;
        foreach (var route in table.Routes)
        {
            if (route.Prefix is not null)
            {
                continue;
            }

            if (!ServiceTags.LooksLikeTag(route.AddressPrefix))
            {
                Findings.Add(ref findings, DiagnosticCatalog.InvalidRouteAddressPrefix(route));
            }
            else if (ServiceTags.NotAllowedInRoutes.Contains(route.AddressPrefix.Trim()))
            {
                Findings.Add(ref findings, DiagnosticCatalog.ServiceTagNotAllowedInRoute(route));
            }
        }

        return Findings.OrNone(findings);
    }
}
