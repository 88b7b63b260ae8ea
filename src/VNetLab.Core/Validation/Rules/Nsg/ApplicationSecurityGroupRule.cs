using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// Application security group membership (constraints.md 7.8, 7.9): members of one ASG are in one VNet
/// and in the ASG's region; an IP configuration joins at most 20 ASGs; a subscription holds 3,000 ASGs per
/// region.
/// </summary>
internal sealed class ApplicationSecurityGroupRule(ValidationLimits limits) : IValidationRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.AsgMembersInSeveralVnets,
        DiagnosticCatalog.Descriptors.AsgRegionMismatch,
        DiagnosticCatalog.Descriptors.AsgsPerIpConfigurationLimit,
        DiagnosticCatalog.Descriptors.AsgsPerSubscriptionLimit,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(ApplicationSecurityGroup), typeof(NetworkInterface));

    public IEnumerable<Diagnostic> Validate(Estate estate)
    {
        var vnetsOfAsg = AsgMembers.VnetsByAsg(estate);
        var members = AsgMembers.ByAsg(estate);
        foreach (var asg in estate.ApplicationSecurityGroups)
        {
            if (vnetsOfAsg.GetValueOrDefault(asg.Id, []) is { Count: > 1 } vnets)
            {
                yield return DiagnosticCatalog.AsgMembersInSeveralVnets(asg, vnets);
            }

            if (asg.Location is not { } asgRegion)
            {
                continue;
            }

            foreach (var member in members[asg.Id])
            {
                if (estate.Find<NetworkInterface>(member.NetworkInterfaceId)?.Location is { } nicRegion && !Regions.Same(nicRegion, asgRegion))
                {
                    yield return DiagnosticCatalog.AsgRegionMismatch(member, nicRegion, asg, asgRegion);
                }
            }
        }

        foreach (var ipConfiguration in estate.NetworkInterfaces.SelectMany(n => n.IpConfigurations))
        {
            if (ipConfiguration.ApplicationSecurityGroupIds.Length > limits.ApplicationSecurityGroupsPerIpConfiguration)
            {
                yield return DiagnosticCatalog.AsgsPerIpConfigurationLimit(ipConfiguration, ipConfiguration.ApplicationSecurityGroupIds.Length,
                    limits.ApplicationSecurityGroupsPerIpConfiguration);
            }
        }

        foreach (var (asg, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.ApplicationSecurityGroups, limits.ApplicationSecurityGroupsPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.AsgsPerSubscriptionLimit(asg, region, count, limits.ApplicationSecurityGroupsPerSubscriptionRegion);
        }
    }
}
