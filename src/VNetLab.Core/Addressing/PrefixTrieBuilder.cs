using System.Diagnostics.CodeAnalysis;

namespace VNetLab.Addressing;

/// <summary>
/// Collects prefixes and values for a <see cref="PrefixTrie{T}"/>. Mutable and not thread-safe; it exists
/// only so the trie itself can be compiled once into an immutable flat form by <see cref="Build"/>.
/// </summary>
public sealed class PrefixTrieBuilder<T>
{
    private readonly Dictionary<IpPrefix, T> _entries = [];

    public int Count => _entries.Count;

    /// <summary>Sets the value for <paramref name="prefix"/>; adding a prefix again replaces its value.</summary>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is an uninitialised value with no family.</exception>
    public PrefixTrieBuilder<T> Add(IpPrefix prefix, T value)
    {
        if (prefix.Family is not (IpFamily.V4 or IpFamily.V6))
        {
            throw new ArgumentException("The prefix has no family (an uninitialised value).", nameof(prefix));
        }

        _entries[prefix] = value;
        return this;
    }

    public bool Remove(IpPrefix prefix) => _entries.Remove(prefix);

    public bool TryGetValue(IpPrefix prefix, [MaybeNullWhen(false)] out T value) => _entries.TryGetValue(prefix, out value);

    public void Clear() => _entries.Clear();

    /// <summary>Compiles the current entries; the builder can go on being used and built again.</summary>
    public PrefixTrie<T> Build()
    {
        var sorted = _entries.ToArray();
        Array.Sort(sorted, static (x, y) => x.Key.CompareTo(y.Key));
        return PrefixTrie<T>.Compile(sorted);
    }
}
