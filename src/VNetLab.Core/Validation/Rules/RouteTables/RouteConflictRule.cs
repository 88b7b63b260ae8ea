using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>Two routes of one table cannot have the same address prefix (constraints.md 6.1).</summary>
internal sealed class RouteConflictRule : ScopedValidationRule<RouteTable>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.RouteConflict];

    public override ValidationReads Reads { get; } = ValidationReads.Each<RouteTable>();

    protected override IEnumerable<Diagnostic> Validate(Estate estate, RouteTable table)
    {
        var first = new Dictionary<string, Route>(StringComparer.Ordinal);
        foreach (var route in table.Routes)
        {
            // A CIDR compares by its network (10.0.0.0/8 and 10.1.0.0/8 are the same route once Azure fixes
            // the notation); a service tag compares by name, ignoring case.
            var key = route.Prefix?.ToString() ?? route.AddressPrefix.Trim().ToUpperInvariant();
            if (!first.TryAdd(key, route))
            {
                yield return DiagnosticCatalog.RouteConflict(route, first[key], route.AddressPrefix);
            }
        }
    }
}
