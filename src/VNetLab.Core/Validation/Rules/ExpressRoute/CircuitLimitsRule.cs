using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.ExpressRoute;

/// <summary>
/// Circuit SKU and quotas (constraints.md 5.13, 5.14): a Local circuit has no Global Reach; a subscription
/// holds 50 circuits, 10 per region.
/// </summary>
internal sealed class CircuitLimitsRule(ValidationLimits limits) : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
        [DiagnosticCatalog.Descriptors.LocalSkuGlobalReach, DiagnosticCatalog.Descriptors.CircuitsPerSubscriptionLimit];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(ExpressRouteCircuit));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var circuit in estate.ExpressRouteCircuits.Where(c => c.GlobalReachEnabled && ExpressRouteFacts.IsTier(c, "Local")))
        {
            yield return DiagnosticCatalog.LocalSkuGlobalReach(circuit);
        }

        foreach (var subscription in estate.ExpressRouteCircuits.GroupBy(c => c.Id.Subscription, StringComparer.OrdinalIgnoreCase))
        {
            var count = subscription.Count();
            if (count > limits.CircuitsPerSubscription)
            {
                yield return DiagnosticCatalog.CircuitsPerSubscriptionLimit(subscription.ElementAt(limits.CircuitsPerSubscription), "", count,
                    limits.CircuitsPerSubscription);
            }
        }

        foreach (var (circuit, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.ExpressRouteCircuits, limits.CircuitsPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.CircuitsPerSubscriptionLimit(circuit, " in " + region, count, limits.CircuitsPerSubscriptionRegion);
        }
    }
}
