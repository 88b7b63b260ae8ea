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
internal sealed class ApplicationSecurityGroupRule(ValidationLimits limits) : IWalksNetworkInterfaces
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; } =
    [
        DiagnosticCatalog.Descriptors.AsgMembersInSeveralVnets,
        DiagnosticCatalog.Descriptors.AsgRegionMismatch,
        DiagnosticCatalog.Descriptors.AsgsPerIpConfigurationLimit,
        DiagnosticCatalog.Descriptors.AsgsPerSubscriptionLimit,
    ];

    public ValidationReads Reads { get; } = ValidationReads.EstateWide(typeof(ApplicationSecurityGroup), typeof(NetworkInterface));

    public IEnumerable<Diagnostic> Validate(Estate estate) => NetworkInterfaceWalk.Over(this, estate);

    public NetworkInterfaceWalk StartWalk(Estate estate) => new Walk(this, estate, limits.ApplicationSecurityGroupsPerIpConfiguration);

    private IEnumerable<Diagnostic> Check(Estate estate, AsgMembership membership)
    {
        foreach (var asg in estate.ApplicationSecurityGroups)
        {
            var ofAsg = membership.MembersOf(asg.Id);
            if (ofAsg is not null && AsgMembers.InSeveralVnets(ofAsg))
            {
                yield return DiagnosticCatalog.AsgMembersInSeveralVnets(asg, AsgMembers.VnetsOf(ofAsg));
            }

            if (asg.Location is not { } asgRegion || ofAsg is null)
            {
                continue;
            }

            foreach (var member in ofAsg)
            {
                if (member.OwnerRegion is { } nicRegion && !Regions.Same(nicRegion, asgRegion))
                {
                    yield return DiagnosticCatalog.AsgRegionMismatch(member.IpConfiguration, nicRegion, asg, asgRegion);
                }
            }
        }

        foreach (var ipConfiguration in membership.BeyondLimit)
        {
            yield return DiagnosticCatalog.AsgsPerIpConfigurationLimit(ipConfiguration, ipConfiguration.ApplicationSecurityGroupIds.Length,
                limits.ApplicationSecurityGroupsPerIpConfiguration);
        }

        foreach (var (asg, count, region) in Quota.FirstBeyondPerSubscriptionRegion(estate.ApplicationSecurityGroups, limits.ApplicationSecurityGroupsPerSubscriptionRegion))
        {
            yield return DiagnosticCatalog.AsgsPerSubscriptionLimit(asg, region, count, limits.ApplicationSecurityGroupsPerSubscriptionRegion);
        }
    }

    private sealed class Walk(ApplicationSecurityGroupRule rule, Estate estate, int asgsPerIpConfiguration) : NetworkInterfaceWalk
    {
        private readonly AsgMembership _membership = new(estate, asgsPerIpConfiguration);

        public override void Visit(NetworkInterface nic) => _membership.Add(nic);

        public override IEnumerable<Diagnostic> Findings() => rule.Check(estate, _membership);
    }
}
