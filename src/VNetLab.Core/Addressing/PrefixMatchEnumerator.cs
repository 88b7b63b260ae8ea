using System.Collections;

namespace VNetLab.Addressing;

/// <summary>
/// Walks the stored prefixes of a <see cref="PrefixTrie{T}"/> that contain one address, least specific
/// first (so the last one is the longest match). <c>foreach</c> binds to the struct
/// <see cref="GetEnumerator"/> and allocates nothing; the interfaces are there for LINQ and tests, which
/// box it.
/// </summary>
public struct PrefixMatchEnumerator<T> : IEnumerable<KeyValuePair<IpPrefix, T>>, IEnumerator<KeyValuePair<IpPrefix, T>>
{
    private readonly PrefixTrie<T> _trie;
    private readonly IpFamily _family;
    private readonly UInt128 _key;
    private readonly int _root;
    private int _node;
    private int _entry;

    internal PrefixMatchEnumerator(PrefixTrie<T> trie, IpFamily family, UInt128 key, int root)
    {
        _trie = trie;
        _family = family;
        _key = key;
        _root = root;
        _node = root;
        _entry = -1;
    }

    public readonly KeyValuePair<IpPrefix, T> Current => _trie.EntryAt(_entry);

    readonly object IEnumerator.Current => Current;

    /// <summary>A fresh copy positioned before the first match, so the same value can be enumerated twice.</summary>
    public readonly PrefixMatchEnumerator<T> GetEnumerator() => new(_trie, _family, _key, _root);

    readonly IEnumerator<KeyValuePair<IpPrefix, T>> IEnumerable<KeyValuePair<IpPrefix, T>>.GetEnumerator() => GetEnumerator();

    readonly IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool MoveNext()
    {
        // default(PrefixMatchEnumerator<T>) has no trie: it is simply empty.
        if (_trie is null)
        {
            return false;
        }

        _entry = _trie.NextMatch(_family, _key, ref _node);
        return _entry >= 0;
    }

    public void Reset()
    {
        _node = _root;
        _entry = -1;
    }

    public readonly void Dispose()
    {
    }
}
