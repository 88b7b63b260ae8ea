using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation.Rules;

/// <summary>Which NIC a route's virtual appliance address names (constraints.md 6.3, 6.14; semantics.md 3.12).</summary>
public sealed class VirtualApplianceRuleTests
{
    private static readonly string[] _applianceCodes = ["VNL5005", "VNL5006", "VNL5016"];

    [Fact]
    [Trait("fact", "constraints.md 6.3")]
    public void A_configuration_outside_its_subnet_is_no_appliance_though_it_claims_the_address()
    {
        // The spoke's NIC claims the hub firewall's address from outside its subnet: Azure rejects that NIC
        // (PrivateIPAddressNotInAnySubnet), so the address is the hub's forwarding NIC's and the route is sound. Listed first,
        // the spoke's NIC was once taken as the appliance and reported for not forwarding.
        var estate = EstateBuilder.Baseline()
            .Nic("spoke-claimant", "spoke", "app", "10.0.2.4")
            .Nic("hub-nva", "hub", "shared", "10.0.2.4", ipForwarding: true)
            .Route("rt-app", "nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.0.2.4")
            .Build();

        var diagnostics = Validator.Default.Validate(estate);

        Assert.Contains(diagnostics, d => d.Code == "VNL1008" && d.Message.Contains("10.0.2.4", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => _applianceCodes.Contains(d.Code));
    }

    [Fact]
    [Trait("fact", "constraints.md 6.3")]
    public void An_appliance_in_the_routed_subnets_own_VNet_is_still_found()
    {
        var estate = EstateBuilder.Baseline()
            .Subnet("spoke", "nva", "10.1.9.0/24")
            .Nic("spoke-nva", "spoke", "nva", "10.1.9.4")
            .Route("rt-app", "nva", "10.2.0.0/16", RouteNextHopType.VirtualAppliance, "10.1.9.4")
            .Build();

        var diagnostic = Assert.Single(Validator.Default.Validate(estate));
        Assert.Equal("VNL5006", diagnostic.Code);
        Assert.Contains("spoke-nva", diagnostic.Message, StringComparison.Ordinal);
    }
}
