using VNetLab.Security;

namespace VNetLab.Core.Tests.Security;

public sealed class PublishedSlotsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(16_400)]
    public void Every_slot_keeps_the_first_value_published_across_chunk_boundaries(int count)
    {
        var slots = new PublishedSlots<string>(count);
        var indexes = new[] { 0, 4095, 4096, 8191, 8192, count - 1 }.Where(i => i < count).Distinct().ToArray();

        Assert.Equal(count, slots.Count);
        Assert.All(indexes, i => Assert.Null(slots.Get(i)));
        foreach (var i in indexes)
        {
            Assert.Equal($"first {i}", slots.Publish(i, $"first {i}"));
            Assert.Equal($"first {i}", slots.Publish(i, $"second {i}"));
        }

        Assert.All(indexes, i => Assert.Equal($"first {i}", slots.Get(i)));
        Assert.Equal(indexes.Length, Enumerable.Range(0, count).Count(i => slots.Get(i) is not null));
    }

    [Fact]
    public void Slots_for_a_large_estates_NICs_stay_out_of_the_large_object_heap()
    {
        // The runtime puts an array of 85,000 bytes or more on the large object heap.
        var slots = new PublishedSlots<object>(200_000);
        var chunks = (object?[][])typeof(PublishedSlots<object>)
            .GetField("_chunks", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(slots)!;

        Assert.All(chunks, chunk => Assert.True(chunk.Length * IntPtr.Size < 85_000));
        Assert.Equal(200_000, chunks.Sum(c => c.Length));
    }
}
