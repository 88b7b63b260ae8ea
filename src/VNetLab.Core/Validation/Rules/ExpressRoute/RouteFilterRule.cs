using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.ExpressRoute;

/// <summary>
/// A route filter has one rule, an Allow rule of type Community (constraints.md 5.4), whose communities
/// are single <c>ASN:value</c> strings (5.3: Azure refuses anything else, a comma-joined list included,
/// with its "must contain colon" message) among those Microsoft publishes (5.A).
/// </summary>
internal sealed class RouteFilterRule : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.RouteFilterMoreThanOneRule,
        DiagnosticCatalog.Descriptors.RouteFilterRuleNotAllowCommunity,
        DiagnosticCatalog.Descriptors.CommunityNameMustContainColon,
        DiagnosticCatalog.Descriptors.UnknownCommunity,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(RouteFilter));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        foreach (var filter in estate.RouteFilters)
        {
            if (filter.Rules.Length > 1)
            {
                yield return DiagnosticCatalog.RouteFilterMoreThanOneRule(filter);
            }

            foreach (var rule in filter.Rules)
            {
                if (!string.Equals(rule.Access, "Allow", StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(rule.RouteFilterRuleType, "Community", StringComparison.OrdinalIgnoreCase))
                {
                    yield return DiagnosticCatalog.RouteFilterRuleNotAllowCommunity(rule);
                }

                foreach (var community in rule.Communities)
                {
                    if (!BgpCommunities.IsWellFormed(community))
                    {
                        yield return DiagnosticCatalog.CommunityNameMustContainColon(rule, community);
                    }
                    else if (!BgpCommunities.IsKnown(community))
                    {
                        yield return DiagnosticCatalog.UnknownCommunity(rule, community);
                    }
                }
            }
        }
    }
}
