using System.Collections.Immutable;
using VNetLab.Validation.Rules.Addressing;

namespace VNetLab.Validation;

/// <summary>The rule set the <see cref="Validator"/> runs. A test checks that every rule type in Core is listed here.</summary>
internal static class ValidationRules
{
    public static ImmutableArray<IValidationRule> All(ValidationLimits limits) =>
    [
        // Addressing: VNets, subnets, private IPs (VNL1xxx).
        new SubnetRangeOutsideVnetRule(),
        new InvalidCidrNotationRule(),
        new SubnetRangesOverlapRule(),
        new AddressSpaceRangeRule(),
        new StaticPrivateIpRule(),
        new PrivateIpAllocatedTwiceRule(),
        new SubnetSizeRule(),
        new GatewaySubnetReservedRule(),
        new AzureBastionSubnetSizeRule(),
        new VirtualNetworkLimitsRule(limits),
        new ResourceRegionRule(),
        new SubnetIsFullRule(),
        new DnsServerRule(),
    ];
}
