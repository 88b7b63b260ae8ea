using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>Two routes of one table cannot have the same address prefix (constraints.md 6.1).</summary>
internal sealed class RouteConflictRule : ScopedValidationRule<RouteTable>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.RouteConflict];

    public override ValidationReads Reads { get; } = ValidationReads.Each<RouteTable>();

    protected override IEnumerable<Diagnostic> Validate(ValidationPass pass, RouteTable table)
    {
        // One table for every route table of the pass: a table, and a string per route, per route table was most of
        // this rule's garbage.
        var first = pass.Scratch(this, static () => new Dictionary<RouteKey, Route>());
        first.Clear();
        List<Diagnostic>? findings = null;
        foreach (var route in table.Routes)
        {
            var key = RouteKey.Of(route);
            if (!first.TryAdd(key, route))
            {
                Findings.Add(ref findings, DiagnosticCatalog.RouteConflict(route, first[key], route.AddressPrefix));
            }
        }

        return Findings.OrNone(findings);
    }

    /// <summary>
    /// What two routes of one table must not share. A CIDR compares by its network (10.0.0.0/8 and 10.1.0.0/8 are the
    /// same route once Azure fixes the notation); a service tag compares by name, ignoring case. This is the text
    /// <c>route.Prefix?.ToString() ?? route.AddressPrefix.Trim().ToUpperInvariant()</c>, compared as text, without making
    /// it: a prefix is kept as the prefix (two prefixes have one text exactly when they are equal), and a tag whose
    /// upper-case text is a prefix's text is kept as that prefix.
    /// </summary>
    internal readonly record struct RouteKey(IpPrefix? Prefix, string? Tag)
    {
        public static RouteKey Of(Route route)
        {
            if (route.Prefix is { } prefix)
            {
                return new(prefix, null);
            }

            var tag = route.AddressPrefix.Trim().ToUpperInvariant();
            return IpPrefix.TryParse(tag, out var parsed) && parsed.ToString() == tag ? new(parsed, null) : new(null, tag);
        }
    }
}
