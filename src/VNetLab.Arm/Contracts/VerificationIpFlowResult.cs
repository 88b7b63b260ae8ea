using System.Text.Json.Serialization;
using VNetLab.Security;

namespace VNetLab.Arm.Contracts;

/// <summary>
/// NetworkWatchers_VerifyIPFlow (semantics.md §1.4): <c>{ "access": "Allow", "ruleName": "defaultSecurityRules/AllowInternetOutBound" }</c>.
/// <c>ruleName</c> is left out when no rule decided ("If input is not matched against any security rule, it is not displayed").
/// </summary>
public sealed record VerificationIpFlowResult(
    string Access,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RuleName)
{
    public static VerificationIpFlowResult From(FlowVerdict verdict) => new(verdict.Access.ToString(), verdict.RuleName);
}
