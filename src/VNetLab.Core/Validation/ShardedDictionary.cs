using System.Diagnostics.CodeAnalysis;

namespace VNetLab.Validation;

/// <summary>
/// A dictionary kept as 64 smaller ones, by the key's hash, for the per-pass tables a validation fills with one entry
/// per VNet, ASG or subject. One table of a large estate's entries outgrew 85 KB, and its arrays then went to the large
/// object heap: collected only with generation 2 and, until then, keeping every pass's values alive through younger
/// collections, which promoted them. Each share stays small, and is made only when a key first falls in it.
/// </summary>
internal sealed class ShardedDictionary<TKey, TValue> where TKey : notnull
{
    private const int Shards = 64;
    private readonly Dictionary<TKey, TValue>?[] _shards = new Dictionary<TKey, TValue>?[Shards];

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        value = default;
        return _shards[ShardOf(key)] is { } shard && shard.TryGetValue(key, out value);
    }

    public TValue this[TKey key]
    {
        set => (_shards[ShardOf(key)] ??= [])[key] = value;
    }

    private static int ShardOf(TKey key) => (int)((uint)key.GetHashCode() % Shards);
}
