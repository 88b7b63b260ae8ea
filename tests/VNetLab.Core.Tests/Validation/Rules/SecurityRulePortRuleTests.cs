using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Validation.Rules.Nsg;

namespace VNetLab.Core.Tests.Validation.Rules;

/// <summary>Reading a port value in place accepts exactly what splitting it at '-' did.</summary>
public sealed class SecurityRulePortRuleTests
{
    private static readonly Gen<string> _value =
        Gen.Choose(0, 13).SelectMany(length => Gen.ArrayOf(Gen.Elements('0', '1', '4', '5', '6', '9', '-', ' ', '*', '+', 'a', '\t'), length))
            .Select(static chars => new string(chars));

    [Fact]
    public void Property_IsPortOrRangeEqualsTheSplitReading() =>
        PropertyCheck.Holds(_value, static value => SecurityRulePortRule.IsPortOrRange(value) == SplitReading(value), runs: 5000);

    [Theory]
    [InlineData("80", true)]
    [InlineData(" 443 ", true)]
    [InlineData("1024-65535", true)]
    [InlineData("0-0", true)]
    [InlineData("65536", false)]
    [InlineData("100-99", false)]
    [InlineData("1-2-3", false)]
    [InlineData("-1", false)]
    [InlineData("1-", false)]
    [InlineData("+80", false)]
    [InlineData("000080", false)]
    [InlineData("", false)]
    public void IsPortOrRange_ReadsPortsAndRanges(string value, bool valid) => Assert.Equal(valid, SecurityRulePortRule.IsPortOrRange(value));

    // The reading before it was done in place: the reference.
    private static bool SplitReading(string value)
    {
        var parts = value.Trim().Split('-');
        if (parts.Length > 2 || !parts.All(IsPort))
        {
            return false;
        }

        return parts.Length == 1 || Port(parts[0]) <= Port(parts[1]);
    }

    private static bool IsPort(string text) =>
        text.Length is > 0 and <= 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535;

    private static int Port(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
