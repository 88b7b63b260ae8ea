namespace VNetLab.Security;

/// <summary>
/// A fixed number of slots, each filled once (the first value published is kept, as <see cref="FirstRead"/> does),
/// held in chunks small enough to stay out of the large object heap.
/// </summary>
/// <remarks>
/// One array of a slot per NIC is 128 KB at 16x and 1.6 MB at large, which puts it on the large object heap: collected
/// only with generation 2, and treated by every younger collection as alive. Each compile's NIC results, and everything
/// they reach (contexts, compiled NSGs, their conditions), were then kept and promoted by each collection until a full
/// one, long after the compile was dropped. Compiling every NIC's security at 16x paused for collections 15 ms per
/// operation for it, against 0.02-0.09 ms at 1x, where the array is 8 KB (docs/performance.md, "Session 11").
/// </remarks>
internal sealed class PublishedSlots<T>
    where T : class
{
    // 4,096 references are 32 KB, well under the 85,000 bytes from which an array goes to the large object heap.
    private const int ChunkBits = 12;
    private const int ChunkMask = (1 << ChunkBits) - 1;

    private readonly T?[][] _chunks;

    public PublishedSlots(int count)
    {
        Count = count;
        _chunks = new T?[(count + ChunkMask) >> ChunkBits][];
        for (var i = 0; i < _chunks.Length; i++)
        {
            _chunks[i] = new T?[Math.Min(1 << ChunkBits, count - (i << ChunkBits))];
        }
    }

    public int Count { get; }

    /// <summary>The value published at <paramref name="index"/>, or null when none was.</summary>
    public T? Get(int index) => Volatile.Read(ref _chunks[index >> ChunkBits][index & ChunkMask]);

    /// <summary>Keeps <paramref name="value"/> at <paramref name="index"/>, or returns what another thread kept first.</summary>
    public T Publish(int index, T value) => FirstRead.Publish(ref _chunks[index >> ChunkBits][index & ChunkMask], value);
}
