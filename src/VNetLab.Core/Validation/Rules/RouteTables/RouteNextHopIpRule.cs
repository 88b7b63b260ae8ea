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
        List<Diagnostic>? findings = null;
        foreach (var route in table.Routes)
        {
            if (route.NextHopType == RouteNextHopType.VirtualAppliance)
            {
                // A parsed address is never blank and is not reported: its text is made only for the other routes.
                if (route.NextHopIpAddress is null)
                {
                    var text = route.NextHopIpAddressText;
                    Findings.Add(ref findings, string.IsNullOrWhiteSpace(text)
                        ? DiagnosticCatalog.MissingNextHopIpAddress(route)
                        : DiagnosticCatalog.InvalidNextHopIpAddress(route, text));
                }
            }
            else if ((route.NextHopIpAddress?.ToString() ?? route.NextHopIpAddressText) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                Findings.Add(ref findings, DiagnosticCatalog.NextHopIpAddressNotAllowed(route, text));
            }
        }

        return Findings.OrNone(findings);
    }
}
