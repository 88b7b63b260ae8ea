using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Model;
using VNetLab.Testing;
using VNetLab.Testing.Reference.Reachability;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// Issue #7: the reach matrix traces one representative per class of senders that no engine tells apart
/// (<see cref="SenderClasses"/>). Its key is a value made of resource ids (compared as Azure compares them, without
/// case) rather than a text built per NIC; the representatives must be exactly those the reference's text key picks
/// (<see cref="TracedSenderClasses"/>), on the generated estate and every example.
/// </summary>
[Collection(TinyEstateFixture.Collection)]
public sealed class SenderClassesTests
{
    private readonly TinyEstateFixture _fixture;

    public SenderClassesTests(TinyEstateFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Examples => [.. RepositoryPaths.ExampleNames()];

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Representatives_are_those_of_the_text_key_on_the_generated_estate()
    {
        var (endpoints, representatives) = AssertSameRepresentatives(_fixture.Estate);

        Assert.True(representatives < endpoints, "no two senders were alike: the test would not see a key that tells too much apart");
    }

    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Ip_forwarding_a_nic_nsg_or_asgs_set_a_sender_apart_and_the_casing_of_an_id_does_not()
    {
        var estate = _fixture.Estate;
        var pairs = AlikePairs(estate);
        var otherNsg = estate.NetworkSecurityGroups.First().Id;
        // An ASG no rule names: it changes no filter class, so only the key can set its member apart.
        var asg = ResourceId.Parse(estate.ApplicationSecurityGroups.First().Id.Value + "-named-by-no-rule");
        var withAsg = pairs[2][1].IpConfigurations[0] with { ApplicationSecurityGroupIds = [asg] };
        var changed = estate.With(
            pairs[0][1] with { EnableIpForwarding = true },
            pairs[1][1] with { NetworkSecurityGroupId = otherNsg },
            pairs[2][1] with { IpConfigurations = pairs[2][1].IpConfigurations.SetItem(0, withAsg) },
            pairs[3][0] with { NetworkSecurityGroupId = otherNsg },
            pairs[3][1] with { NetworkSecurityGroupId = ResourceId.Parse(otherNsg.Value.ToUpperInvariant()) });

        var (_, before) = AssertSameRepresentatives(estate);
        var (_, after) = AssertSameRepresentatives(changed);

        // Three senders set apart (forwarding, a NIC NSG, an ASG); the last pair stays one class: the same NIC NSG, whatever its casing.
        Assert.Equal(before + 3, after);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Representatives_are_those_of_the_text_key_on_an_example(string example)
    {
        AssertSameRepresentatives(ExampleEstates.Read(example));
    }

    private static (int Endpoints, int Representatives) AssertSameRepresentatives(Estate estate)
    {
        var analysis = NetworkAnalysis.Compile(estate);
        var classes = PacketClasses.For(analysis);
        var endpoints = new SelectorResolver(estate).AllSources();

        var expected = TracedSenderClasses.Representatives(endpoints, classes, estate).ToList();
        var actual = SenderClasses.Representatives(endpoints, classes, estate).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Same(expected[i], actual[i]);
        }

        return (endpoints.Length, actual.Count);
    }

    // Four pairs of NICs, each pair in one subnet with its primary addresses in one filter class, and no NIC NSG, ASG
    // or IP forwarding: one class of senders per pair.
    private static NetworkInterface[][] AlikePairs(Estate estate)
    {
        var classes = PacketClasses.For(NetworkAnalysis.Compile(estate));
        var pairs = estate.NetworkInterfaces
            .Where(n => n.NetworkSecurityGroupId is null && !n.EnableIpForwarding
                && n.PrimaryIpConfiguration is { PrivateIpAddress: { IsV4: true }, ApplicationSecurityGroupIds.IsEmpty: true })
            .GroupBy(n => (Subnet: estate.SubnetOf(n)?.Id, Atom: classes.FilterAtomOf(n.PrimaryIpConfiguration?.PrivateIpAddress ?? default)))
            .Where(g => g.Key.Subnet is not null && g.Count() >= 2)
            .Select(g => g.Take(2).ToArray())
            .Take(4)
            .ToArray();
        Assert.Equal(4, pairs.Length);
        return pairs;
    }
}
