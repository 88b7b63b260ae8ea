using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation.Walks;

/// <summary>The per-pass tables kept in shares answer as one dictionary would.</summary>
public sealed class ShardedDictionaryTests
{
    [Fact]
    public void KeysInEveryShare_AreFoundWithTheirLastValue_AndOthersAreNot()
    {
        var table = new ShardedDictionary<int, string>();
        var expected = new Dictionary<int, string>();
        for (var i = 0; i < 1000; i++)
        {
            table[i * 7] = $"first {i}";
            expected[i * 7] = $"first {i}";
        }

        for (var i = 0; i < 1000; i += 3)
        {
            table[i * 7] = $"second {i}";
            expected[i * 7] = $"second {i}";
        }

        for (var key = -10; key < 7010; key++)
        {
            Assert.Equal(expected.TryGetValue(key, out var want), table.TryGetValue(key, out var found));
            Assert.Equal(want, found);
        }
    }
}
