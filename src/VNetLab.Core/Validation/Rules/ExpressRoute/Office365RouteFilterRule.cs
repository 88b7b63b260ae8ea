using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.ExpressRoute;

/// <summary>
/// A route filter with Office 365 communities needs a subscription Microsoft has authorised (constraints.md
/// 5.1) and, on every circuit it is attached to, the Premium add-on (5.2) — the two errors of seed 001. The
/// authorisation is a subscription fact no resource carries: it comes from a VNetLab/subscriptionFeatures
/// resource, and when none is given VNetLab assumes the subscription is not authorised and says so.
/// </summary>
internal sealed class Office365RouteFilterRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.Office365RouteFilterNotAuthorized,
        DiagnosticCatalog.Descriptors.Office365AuthorizationAssumed,
        DiagnosticCatalog.Descriptors.CircuitNotCompatibleWithOffice365Filter,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(ExpressRouteCircuit), typeof(RouteFilter), typeof(SubscriptionFeatures));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var circuitsByFilter = estate.ExpressRouteCircuits
            .SelectMany(c => c.Peerings.Where(p => p.RouteFilterId is not null).Select(p => (Filter: p.RouteFilterId, Circuit: c)))
            .GroupBy(p => p.Filter)
            .ToDictionary(g => g.Key ?? throw new InvalidOperationException(), g => g.Select(p => p.Circuit).Distinct().ToList());

        foreach (var filter in estate.RouteFilters)
        {
            foreach (var rule in filter.Rules.Where(r => r.Communities.Any(BgpCommunities.IsOffice365)))
            {
                var subscription = filter.Id.Subscription;
                var authorized = estate.FeaturesOf(subscription)?.Office365RouteFilters;
                if (authorized != true)
                {
                    yield return DiagnosticCatalog.Office365RouteFilterNotAuthorized(rule, subscription);
                }

                if (authorized is null)
                {
                    yield return DiagnosticCatalog.Office365AuthorizationAssumed(rule, subscription);
                }

                foreach (var circuit in circuitsByFilter.GetValueOrDefault(filter.Id, []).Where(c => !c.IsPremium))
                {
                    yield return DiagnosticCatalog.CircuitNotCompatibleWithOffice365Filter(rule, circuit);
                }
            }
        }
    }
}
