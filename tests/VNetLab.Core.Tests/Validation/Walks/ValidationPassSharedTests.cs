using VNetLab.Model;
using VNetLab.Validation;

namespace VNetLab.Core.Tests.Validation.Walks;

/// <summary>A pass computes a shared value once per owner and key, however many keys it holds across its tables.</summary>
public sealed class ValidationPassSharedTests
{
    [Fact]
    public void Shared_ComputesEachOwnersKeyOnce_AcrossThousandsOfKeys()
    {
        var (rule, other) = (new object(), new object());
        var pass = new ValidationPass(Estate.Empty);
        var computed = new List<(object Owner, int Key)>();
        var keys = Enumerable.Range(0, 5000).Select(i => EstateBuilder.VnetId($"vnet-{i}")).ToArray();

        for (var round = 0; round < 2; round++)
        {
            foreach (var (key, i) in keys.Select((k, i) => (k, i)))
            {
                Assert.Equal(i, pass.Shared(rule, key, (_, k) => { computed.Add((rule, i)); return Array.IndexOf(keys, k); }));
                Assert.Equal(-i, pass.Shared(other, key, (_, k) => { computed.Add((other, i)); return -Array.IndexOf(keys, k); }));
            }
        }

        // Equal ids compare as ARM compares them (ignoring case): another spelling of a key finds its value.
        Assert.Equal(7, pass.Shared(rule, EstateBuilder.VnetId("VNET-7"), (_, _) => -1));
        Assert.Equal(10000, computed.Count);
        Assert.Equal(computed.Count, computed.Distinct().Count());
    }
}
