using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation;

public sealed class BaselineTests
{
    [Fact]
    public void Baseline_IsClean()
    {
        var diagnostics = Validator.Default.Validate(EstateBuilder.Baseline().Build());
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Baseline_HasNoDanglingReferences()
    {
        var estate = EstateBuilder.Baseline().Build();
        Assert.Empty(estate.UnresolvedReferences);
    }
}
