using FsCheck.Fluent;
using VNetLab.Addressing;
using VNetLab.Core.Tests.Addressing;
using VNetLab.Security;

namespace VNetLab.Core.Tests.Security;

/// <summary>Ranges gathered in a <see cref="RangeBuffer"/> make the set <see cref="AddressSet.FromRanges"/> makes of them.</summary>
public class RangeBufferTests
{
    [Fact]
    public void Property_RangeBufferIsFromRanges() =>
        PropertyCheck.Holds(
            AddressingGenerators.ListOfUpTo(Gen.OneOf(AddressingGenerators.AnyPrefix, AddressingGenerators.V4Prefix).Select(static p => p.Range), 12),
            static ranges =>
            {
                var buffer = new RangeBuffer(ranges.Count);
                try
                {
                    foreach (var range in ranges)
                    {
                        buffer.Add(range);
                    }

                    return buffer.ToAddressSet() == AddressSet.FromRanges(ranges);
                }
                finally
                {
                    buffer.Return();
                }
            });
}
