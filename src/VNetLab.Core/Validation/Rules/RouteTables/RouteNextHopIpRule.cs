using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>
/// A VirtualAppliance route needs a next hop IP, and only VirtualAppliance routes may have one
/// (constraints.md 6.2).
/// </summary>
internal sealed class RouteNextHopIpRule : ScopedValidationRule<RouteTable>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.MissingNextHopIpAddress,
        DiagnosticCatalog.Descriptors.InvalidNextHopIpAddress,
        DiagnosticCatalog.Descriptors.NextHopIpAddressNotAllowed,
    ];

    public override ValidationReads Reads { get; } = ValidationReads.Each<RouteTable>();

    protected override IEnumerable<Diagnostic> Validate(Estate estate, RouteTable table)
    {
        foreach (var route in table.Routes)
        {
            var text = route.NextHopIpAddress?.ToString() ?? route.NextHopIpAddressText;
            if (route.NextHopType == RouteNextHopType.VirtualAppliance)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    yield return DiagnosticCatalog.MissingNextHopIpAddress(route);
                }
                else if (route.NextHopIpAddress is null)
                {
                    yield return DiagnosticCatalog.InvalidNextHopIpAddress(route, text);
                }
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                yield return DiagnosticCatalog.NextHopIpAddressNotAllowed(route, text);
            }
        }
    }
}
