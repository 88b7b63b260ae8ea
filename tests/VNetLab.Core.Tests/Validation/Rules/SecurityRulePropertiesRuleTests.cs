using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Validation.Rules.Nsg;

namespace VNetLab.Core.Tests.Validation.Rules;

/// <summary>Reading an ASCII rule name in place accepts exactly what the name pattern accepts.</summary>
public sealed class SecurityRulePropertiesRuleTests
{
    private static readonly Gen<string> _name =
        Gen.Choose(0, 8).SelectMany(length => Gen.ArrayOf(Gen.Elements('a', 'Z', '0', '_', '.', '-', ' ', '\n', 'é', '\u0663', '\u200D', '!'), length))
            .Select(static chars => new string(chars));

    [Fact]
    public void Property_IsValidNameEqualsThePattern() =>
        PropertyCheck.Holds(_name, static name => SecurityRulePropertiesRule.IsValidName(name) == SecurityRulePropertiesRule.NamePattern().IsMatch(name), runs: 5000);

    [Theory]
    [InlineData("Allow-Web_443", true)]
    [InlineData("rule_", true)]
    [InlineData("a", true)]
    [InlineData("_", true)]
    [InlineData("-rule", false)]
    [InlineData("rule.", false)]
    [InlineData("rule\n", true)]
    [InlineData("", false)]
    [InlineData("règle", true)]
    public void IsValidName_FollowsAzureNamingRule(string name, bool valid) => Assert.Equal(valid, SecurityRulePropertiesRule.IsValidName(name));
}
