using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Testing;
using VNetLab.Validation;
using VNetLab.Validation.Rules.Nsg;

namespace VNetLab.Core.Tests.Validation.Walks;

/// <summary>
/// A validation pass gathers each ASG's VNets while it walks the NICs, for the NSG rules (constraints.md 7.7: the ASGs of
/// one security rule belong to one VNet). What it gathers must be what the association index gives, VNet for VNet and
/// spelling for spelling, so the rule finds in the validator what it finds alone.
/// </summary>
public sealed class AsgVirtualNetworksTests
{
    private static readonly ResourceId[] _asgs = [.. Enumerable.Range(0, 3).Select(i => EstateBuilder.Id("applicationSecurityGroups", $"asg{i}"))];

    // Subnets of two VNets, one of them spelled two ways (ARM compares ids ignoring case), one of a VNet the estate does
    // not hold, and none.
    private static readonly ResourceId?[] _subnets =
    [
        EstateBuilder.SubnetId("vnet0", "default"),
        EstateBuilder.SubnetId("VNET0", "other"),
        EstateBuilder.SubnetId("vnet1", "default"),
        EstateBuilder.SubnetId("elsewhere", "default"),
        null,
    ];

    // A configuration: a subnet above and up to three ASGs, one possibly twice.
    private static readonly Gen<(int Subnet, int[] Asgs)> _configuration =
        from subnet in Gen.Choose(0, _subnets.Length - 1)
        from asgs in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, _asgs.Length - 1), n))
        select (subnet, asgs);

    // Up to 8 NICs of up to 3 configurations each, and an NSG of four rules naming one to three ASGs each.
    private static readonly Gen<Estate> _estates =
        from nics in Gen.Choose(0, 8)
        from configurations in Gen.ArrayOf(Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(_configuration, n)), nics)
        from rules in Gen.ArrayOf(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, _asgs.Length - 1), n)), 4)
        select Build(configurations, rules);

    [Fact]
    public void Property_GatheredVnetsAreTheAssociationIndexs() =>
        PropertyCheck.Holds(_estates, static estate =>
        {
            var walk = AsgVirtualNetworks.StartWalk(estate);
            if (walk is null)
            {
                return false;
            }

            foreach (var nic in estate.NetworkInterfaces)
            {
                walk.Visit(nic);
            }

            return _asgs.All(asg => walk.Gathered.Of(asg).Select(v => v.ToString()).SequenceEqual(AsgMembers.VnetsOf(estate, asg).Select(v => v.ToString())));
        }, runs: 1000);

    [Fact]
    public void Property_SecurityRuleAsgRuleInTheValidatorFindsWhatItFindsAlone() =>
        PropertyCheck.Holds(_estates, static estate => FindsWhatItFindsAlone(estate), runs: 300);

    [Fact]
    public void AsgsOfTwoVnetsInOneRule_AreFoundFromWhatThePassGathered()
    {
        // nic0 in vnet0 joins asg0, nic1 in vnet1 joins asg1; the NSG's first rule names both.
        var estate = Build([[(0, [0])], [(2, [1])]], [[0, 1]]);

        var findings = Validator.Default.Validate(estate).Where(d => d.Code == DiagnosticCatalog.Descriptors.AsgsFromSeveralVnetsInRule.Code).ToList();

        var finding = Assert.Single(findings);
        Assert.Contains("vnet0", finding.Message, StringComparison.Ordinal);
        Assert.Contains("vnet1", finding.Message, StringComparison.Ordinal);
        Assert.True(FindsWhatItFindsAlone(estate));
    }

    [Fact]
    public void AConfigurationShadowedByAnotherWithItsId_IsLeftToTheAssociationIndex()
    {
        // One NIC lists two configurations with one id: the index keeps the first (in vnet0), a walk would meet both.
        var nicId = EstateBuilder.Id("networkInterfaces", "nic0");
        var configurationId = nicId.Child("ipConfigurations", "ipconfig1");
        var nic = new NetworkInterface
        {
            Id = nicId,
            IpConfigurations =
            [
                new NetworkInterfaceIpConfiguration { Id = configurationId, SubnetId = _subnets[0], ApplicationSecurityGroupIds = [_asgs[0]] },
                new NetworkInterfaceIpConfiguration { Id = configurationId, SubnetId = _subnets[2], ApplicationSecurityGroupIds = [_asgs[0]] },
            ],
        };
        var estate = Estate.Create([.. Build([], [[0]]).Roots, nic]);

        Assert.Null(AsgVirtualNetworks.StartWalk(estate));
        Assert.Equal([EstateBuilder.VnetId("vnet0").ToString()], AsgMembers.VnetsOf(estate, _asgs[0]).Select(v => v.ToString()));
        Assert.True(FindsWhatItFindsAlone(estate));
    }

    private static bool FindsWhatItFindsAlone(Estate estate)
    {
        var rule = new SecurityRuleAsgRule(ValidationLimits.Azure);
        var validator = new Validator([.. Validator.Default.Rules.Where(r => r.Reads.Subject == typeof(VirtualNetwork)), rule]);
        var alone = rule.Validate(estate).Select(DiagnosticText.Of).ToList();
        return validator.Run(estate).ByRule[^1].All.Select(DiagnosticText.Of).SequenceEqual(alone)
            && validator.Validate(estate).Where(d => rule.Descriptors.Any(r => r.Code == d.Code)).Select(DiagnosticText.Of).Order(StringComparer.Ordinal)
                .SequenceEqual(alone.Distinct().Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>
    /// VNets vnet0 and vnet1, the three ASGs, NIC i with a configuration per (subnet, ASGs) pair of
    /// <paramref name="configurations"/>[i] (indexes into the subnets and ASGs above), and an NSG whose rule j names the
    /// ASGs <paramref name="rules"/>[j] as its source.
    /// </summary>
    private static Estate Build((int Subnet, int[] Asgs)[][] configurations, int[][] rules)
    {
        var roots = new List<Resource>();
        roots.AddRange(_asgs.Select(id => new ApplicationSecurityGroup { Id = id, Location = "westeurope" }));
        roots.AddRange(Enumerable.Range(0, 2).Select(v => new VirtualNetwork
        {
            Id = EstateBuilder.VnetId($"vnet{v}"),
            Location = "westeurope",
            AddressSpace = EstateBuilder.Prefixes($"10.{v}.0.0/16"),
            Subnets =
            [
                new Subnet { Id = EstateBuilder.SubnetId($"vnet{v}", "default"), AddressPrefixes = EstateBuilder.Prefixes($"10.{v}.0.0/24") },
                new Subnet { Id = EstateBuilder.SubnetId($"vnet{v}", "other"), AddressPrefixes = EstateBuilder.Prefixes($"10.{v}.1.0/24") },
            ],
        }));
        var nsgId = EstateBuilder.Id("networkSecurityGroups", "nsg");
        roots.Add(new NetworkSecurityGroup
        {
            Id = nsgId,
            Location = "westeurope",
            SecurityRules =
            [
                .. rules.Select((asgs, j) => new SecurityRule
                {
                    Id = nsgId.Child("securityRules", $"rule{j}"),
                    Priority = 100 + j,
                    Direction = SecurityRuleDirection.Inbound,
                    Access = SecurityRuleAccess.Allow,
                    Protocol = "Tcp",
                    SourcePortRanges = ["*"],
                    DestinationPortRanges = ["443"],
                    SourceApplicationSecurityGroupIds = [.. asgs.Select(a => _asgs[a])],
                    DestinationAddressPrefixes = ["*"],
                }),
            ],
        });
        for (var i = 0; i < configurations.Length; i++)
        {
            var id = EstateBuilder.Id("networkInterfaces", $"nic{i}");
            roots.Add(new NetworkInterface
            {
                Id = id,
                Location = "westeurope",
                IpConfigurations =
                [
                    .. configurations[i].Select((c, k) => new NetworkInterfaceIpConfiguration
                    {
                        Id = id.Child("ipConfigurations", $"ipconfig{k}"),
                        SubnetId = _subnets[c.Subnet],
                        ApplicationSecurityGroupIds = [.. c.Asgs.Select(a => _asgs[a])],
                    }),
                ],
            });
        }

        return Estate.Create(roots);
    }
}
