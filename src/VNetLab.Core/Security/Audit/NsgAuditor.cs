using System.Collections.Immutable;
using VNetLab.Diagnostics;

namespace VNetLab.Security.Audit;

/// <summary>
/// <c>vnetlab nsg-audit</c>: NSG rules that do nothing (shadowed, redundant), rules that open management ports to
/// public addresses, and gaps (NSGs and ASGs attached to nothing, subnets and NICs nothing filters). Findings are
/// VNL61xx diagnostics; each names the rule(s) and one example packet to check with <c>vnetlab flow</c>.
/// </summary>
public static class NsgAuditor
{
    /// <summary>Every finding for the estate, sorted by resource id, then code.</summary>
    public static ImmutableArray<Diagnostic> Audit(CompiledSecurity security)
    {
        var context = new NsgAuditContext(security);
        IEnumerable<Diagnostic> findings =
        [
            .. ShadowedRuleCheck.Run(context),
            .. RedundantRuleCheck.Run(context),
            .. ManagementPortExposureCheck.Run(context),
            .. AssociationChecks.UnassociatedNetworkSecurityGroups(context),
            .. AssociationChecks.ApplicationSecurityGroupsWithoutMembers(context),
            .. AssociationChecks.SubnetsWithoutNetworkSecurityGroup(context),
            .. AssociationChecks.NetworkInterfacesWithoutNetworkSecurityGroup(context),
        ];
        return [.. findings
            .OrderBy(d => d.ResourceId?.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
    }

    /// <summary>Rule names for a message: <c>securityRules/a, defaultSecurityRules/DenyAllInBound</c>.</summary>
    internal static string Names(IEnumerable<CompiledSecurityRule> rules) => string.Join(", ", rules.Select(r => r.Name));
}
