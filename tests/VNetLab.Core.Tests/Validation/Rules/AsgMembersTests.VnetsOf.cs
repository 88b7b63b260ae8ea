using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Model;
using VNetLab.Validation.Rules.Nsg;

namespace VNetLab.Core.Tests.Validation.Rules;

/// <summary>An ASG's VNets from the association index, found without a set when its members sit in one VNet.</summary>
public sealed partial class AsgMembersTests
{
    [Fact]
    public void Property_VnetsOfAnAsgEqualTheDistinctVnetsOfItsMembers() =>
        PropertyCheck.Holds(Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(_subnetId, n)), static subnets =>
        {
            var asg = EstateBuilder.Id("applicationSecurityGroups", "asg");
            var nic = new NetworkInterface
            {
                Id = _nicId,
                IpConfigurations =
                [
                    .. subnets.Select((s, i) => new NetworkInterfaceIpConfiguration { Id = _nicId.Child("ipConfigurations", $"c{i}"), SubnetId = s, ApplicationSecurityGroupIds = [asg] }),
                ],
            };
            var estate = Estate.Create([nic]);

            // The spelling of each VNet id too: the first member's, as Distinct keeps it.
            var expected = estate.AssociationsOf(asg).OfType<NetworkInterfaceIpConfiguration>().Select(c => c.SubnetId?.Parent).OfType<ResourceId>().Distinct();
            return AsgMembers.VnetsOf(estate, asg).Select(v => v.ToString()).SequenceEqual(expected.Select(v => v.ToString()));
        }, runs: 1000);
}
