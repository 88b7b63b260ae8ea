using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation.Walks;

/// <summary>A pass lends each rule one buffer of each type, made once and kept as the rule left it, for that pass only.</summary>
public sealed class ValidationPassScratchTests
{
    [Fact]
    public void Scratch_IsOneBufferPerOwnerTypeAndPass()
    {
        var (rule, other) = (new object(), new object());
        var pass = new ValidationPass(Estate.Empty);
        var made = 0;

        var first = pass.Scratch(rule, () => { made++; return new List<int>(); });
        first.Add(7);
        var again = pass.Scratch(rule, () => { made++; return new List<int>(); });

        Assert.Same(first, again);
        Assert.Equal([7], again);
        Assert.Equal(1, made);
        Assert.NotSame(first, pass.Scratch(other, () => new List<int>()));
        Assert.Empty(pass.Scratch(rule, () => new List<string>()));
        Assert.NotSame(first, new ValidationPass(Estate.Empty).Scratch(rule, () => new List<int>()));
    }
}
