using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation;

public sealed class RevalidationTests
{
    [Fact]
    public void Revalidating_a_broken_estate_after_a_fix_equals_validating_it_afresh()
    {
        var broken = EstateBuilder.Baseline().Rule("nsg-app", "dup", 100).Build();
        var run = Validator.Default.Run(broken);
        var nsg = broken.NetworkSecurityGroups.First(n => n.SecurityRules.Length > 1);
        var fixedEstate = broken.With(nsg with { SecurityRules = nsg.SecurityRules.RemoveAt(nsg.SecurityRules.Length - 1) });

        var revalidated = run.Apply(fixedEstate);

        Assert.NotEmpty(run.Diagnostics);
        Assert.Equal(Validator.Default.Validate(fixedEstate).Select(d => (d.Code, d.ResourceId, d.Message)),
            revalidated.Diagnostics.Select(d => (d.Code, d.ResourceId, d.Message)));
        Assert.Same(revalidated, revalidated.Apply(fixedEstate));
    }
}
