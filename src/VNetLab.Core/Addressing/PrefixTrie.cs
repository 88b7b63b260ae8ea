using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.InteropServices;

namespace VNetLab.Addressing;

/// <summary>
/// An immutable longest-prefix-match table from <see cref="IpPrefix"/> to <typeparamref name="T"/>, such as
/// a compiled route table. Built once by <see cref="PrefixTrieBuilder{T}"/>, then queried many times by
/// many threads; lookups allocate nothing.
/// </summary>
/// <remarks>
/// <para>
/// Layout: a path-compressed binary trie (PATRICIA) per family, each flattened into its own array of
/// nodes with the root at index 0: <c>_v4</c> keyed by <see cref="uint"/>, <c>_v6</c> by
/// <see cref="UInt128"/>. The lookup is one generic walk that the JIT specialises per key type, so IPv4
/// lookups run entirely in 32-bit arithmetic. Bit position <c>p</c> counts from the most significant bit
/// of the family's width.
/// </para>
/// <para>Invariants, established by <see cref="Compile"/> and never changed afterwards:</para>
/// <list type="number">
/// <item>A node stands for the prefix (<c>Key</c>, <c>Length</c>); <c>Key</c> has no bits set past <c>Length</c>.</item>
/// <item>A child's prefix strictly extends its parent's: longer <c>Length</c>, same leading bits; the
/// child's bit at position <c>parent.Length</c> is 0 under <c>Left</c> and 1 under <c>Right</c>.</item>
/// <item>A node with <c>Entry</c> ≥ 0 is a stored prefix; a node with <c>Entry</c> = -1 is a branching
/// ("glue") node and always has two children, so a family with n prefixes has at most 2n - 1 nodes, and a
/// lookup visits at most 33 (IPv4) or 129 (IPv6) nodes.</item>
/// <item>Nodes are in pre-order (root first), so a walk moves forward through the array.</item>
/// <item><c>_entries</c> is sorted by <see cref="IpPrefix"/> order and holds each prefix once.</item>
/// </list>
/// <para>
/// A lookup walks from the root while the address matches the node's prefix, remembering the last stored
/// prefix it passed: that is the longest match, and the stored prefixes passed along the way are every
/// match, least specific first.
/// </para>
/// </remarks>
public sealed class PrefixTrie<T>
{
    private static readonly uint[] MasksV4 = BuildMasks<uint>(32);

    private static readonly UInt128[] MasksV6 = BuildMasks<UInt128>(128);

    private readonly Node<uint>[] _v4;
    private readonly Node<UInt128>[] _v6;
    private readonly KeyValuePair<IpPrefix, T>[] _entries;

    private PrefixTrie(Node<uint>[] v4, Node<UInt128>[] v6, KeyValuePair<IpPrefix, T>[] entries)
    {
        _v4 = v4;
        _v6 = v6;
        _entries = entries;
    }

    /// <summary>A trie with no prefixes; every lookup misses.</summary>
    public static PrefixTrie<T> Empty { get; } = new([], [], []);

    /// <summary>How many prefixes the trie holds.</summary>
    public int Count => _entries.Length;

    /// <summary>Every prefix and its value, sorted by prefix (IPv4 first, then by address, then by length).</summary>
    public ImmutableArray<KeyValuePair<IpPrefix, T>> Entries => ImmutableCollectionsMarshal.AsImmutableArray(_entries);

    /// <summary>Builds a trie from pairs; when a prefix repeats, the later value wins.</summary>
    public static PrefixTrie<T> Create(IEnumerable<KeyValuePair<IpPrefix, T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new PrefixTrieBuilder<T>();
        foreach (var (prefix, value) in entries)
        {
            builder.Add(prefix, value);
        }

        return builder.Build();
    }

    /// <summary>A builder holding this trie's entries, to derive a changed trie.</summary>
    public PrefixTrieBuilder<T> ToBuilder()
    {
        var builder = new PrefixTrieBuilder<T>();
        foreach (var (prefix, value) in _entries)
        {
            builder.Add(prefix, value);
        }

        return builder;
    }

    /// <summary>
    /// The most specific stored prefix that contains <paramref name="address"/>, and its value: the route
    /// selection step of Azure's routing. Allocates nothing.
    /// </summary>
    public bool TryLongestMatch(IpAddress address, out IpPrefix prefix, [MaybeNullWhen(false)] out T value)
    {
        var best = address.Family switch
        {
            IpFamily.V4 => LongestMatch(_v4, MasksV4, address.V4Value, 31),
            IpFamily.V6 => LongestMatch(_v6, MasksV6, address.Value, 127),

            // default(IpAddress) has no family and matches nothing.
            _ => -1,
        };

        if (best < 0)
        {
            prefix = default;
            value = default;
            return false;
        }

        (prefix, value) = _entries[best];
        return true;
    }

    /// <summary>True when some stored prefix contains <paramref name="address"/>.</summary>
    public bool ContainsMatch(IpAddress address) => TryLongestMatch(address, out _, out _);

    /// <summary>The value stored for exactly <paramref name="prefix"/> (not for a covering prefix).</summary>
    public bool TryGetExact(IpPrefix prefix, [MaybeNullWhen(false)] out T value)
    {
        var entry = prefix.Family switch
        {
            IpFamily.V4 => Exact(_v4, MasksV4, prefix.Network.V4Value, prefix.Length, 31),
            IpFamily.V6 => Exact(_v6, MasksV6, prefix.Network.Value, prefix.Length, 127),
            _ => -1,
        };

        if (entry < 0)
        {
            value = default;
            return false;
        }

        value = _entries[entry].Value;
        return true;
    }

    public bool ContainsPrefix(IpPrefix prefix) => TryGetExact(prefix, out _);

    /// <summary>
    /// Every stored prefix that contains <paramref name="address"/>, least specific first, without
    /// allocating: <c>foreach (var (prefix, value) in trie.Matches(address))</c>.
    /// </summary>
    public PrefixMatchEnumerator<T> Matches(IpAddress address) =>
        new(this, address.Family, address.Value, address.Family is IpFamily.V4 or IpFamily.V6 ? 0 : -1);

    /// <summary>
    /// Appends every stored prefix that contains <paramref name="address"/> to <paramref name="results"/>,
    /// least specific first, and returns how many were appended.
    /// </summary>
    public int GetMatches(IpAddress address, ICollection<KeyValuePair<IpPrefix, T>> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var count = 0;
        foreach (var match in Matches(address))
        {
            results.Add(match);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Moves along <paramref name="key"/>'s path from <paramref name="node"/> (the next node to examine,
    /// -1 when done) to the next stored prefix, and returns its entry index, or -1 when the path ends.
    /// </summary>
    internal int NextMatch(IpFamily family, UInt128 key, ref int node) => family == IpFamily.V4
        ? NextMatch(_v4, MasksV4, (uint)key, 31, ref node)
        : NextMatch(_v6, MasksV6, key, 127, ref node);

    internal KeyValuePair<IpPrefix, T> EntryAt(int index) => _entries[index];

    /// <summary>Compiles sorted, distinct entries into the flat tries; called only by the builder.</summary>
    internal static PrefixTrie<T> Compile(KeyValuePair<IpPrefix, T>[] sortedEntries)
    {
        if (sortedEntries.Length == 0)
        {
            return Empty;
        }

        var scratch = new List<Node<UInt128>>(sortedEntries.Length * 2);
        var rootV4 = -1;
        var rootV6 = -1;
        for (var i = 0; i < sortedEntries.Length; i++)
        {
            var prefix = sortedEntries[i].Key;
            if (prefix.Family == IpFamily.V4)
            {
                Insert(scratch, ref rootV4, prefix, i);
            }
            else
            {
                Insert(scratch, ref rootV6, prefix, i);
            }
        }

        return new PrefixTrie<T>(Flatten<uint>(scratch, rootV4), Flatten<UInt128>(scratch, rootV6), sortedEntries);
    }

    private static int LongestMatch<TKey>(Node<TKey>[] nodes, TKey[] masks, TKey key, int top)
        where TKey : IBinaryInteger<TKey>
    {
        var best = -1;
        var index = 0;

        // Only shifts, masks and compares: explicitly unchecked so a checked build adds nothing to the hot loop.
        unchecked
        {
            while ((uint)index < (uint)nodes.Length)
            {
                ref readonly var node = ref nodes[index];
                if ((key & masks[node.Length]) != node.Key)
                {
                    break;
                }

                if (node.Entry >= 0)
                {
                    best = node.Entry;
                }

                if (node.Length > top)
                {
                    break;
                }

                index = TKey.IsZero((key >> (top - node.Length)) & TKey.One) ? node.Left : node.Right;
            }
        }

        return best;
    }

    private static int Exact<TKey>(Node<TKey>[] nodes, TKey[] masks, TKey key, int length, int top)
        where TKey : IBinaryInteger<TKey>
    {
        var index = 0;
        while ((uint)index < (uint)nodes.Length)
        {
            ref readonly var node = ref nodes[index];
            if (node.Length > length || (key & masks[node.Length]) != node.Key)
            {
                return -1;
            }

            if (node.Length == length)
            {
                // A glue node has Entry -1, which is the right answer for a prefix that was never stored.
                return node.Entry;
            }

            index = TKey.IsZero((key >> (top - node.Length)) & TKey.One) ? node.Left : node.Right;
        }

        return -1;
    }

    private static int NextMatch<TKey>(Node<TKey>[] nodes, TKey[] masks, TKey key, int top, ref int index)
        where TKey : IBinaryInteger<TKey>
    {
        while ((uint)index < (uint)nodes.Length)
        {
            ref readonly var node = ref nodes[index];
            if ((key & masks[node.Length]) != node.Key)
            {
                break;
            }

            index = node.Length > top ? -1 : TKey.IsZero((key >> (top - node.Length)) & TKey.One) ? node.Left : node.Right;
            if (node.Entry >= 0)
            {
                return node.Entry;
            }
        }

        index = -1;
        return -1;
    }

    /// <summary>PATRICIA insertion into the scratch node list (keys as UInt128); keeps every invariant above.</summary>
    private static void Insert(List<Node<UInt128>> nodes, ref int root, IpPrefix prefix, int entry)
    {
        var bits = prefix.Network.BitLength;
        var key = prefix.Network.Value;
        var length = prefix.Length;
        var parent = -1;
        var goRight = false;
        var current = root;
        while (true)
        {
            if (current < 0)
            {
                Link(nodes, ref root, parent, goRight, Add(nodes, new Node<UInt128>(key, length, entry)));
                return;
            }

            var node = nodes[current];
            var common = Math.Min(CommonPrefixLength(key, node.Key, bits), Math.Min(length, node.Length));
            if (common == node.Length)
            {
                if (length == node.Length)
                {
                    // The same prefix again (or a glue node becoming a stored prefix): take this entry.
                    CollectionsMarshal.AsSpan(nodes)[current].Entry = entry;
                    return;
                }

                // The node covers the new prefix: descend by the next bit.
                parent = current;
                goRight = Bit(key, node.Length, bits);
                current = goRight ? node.Right : node.Left;
                continue;
            }

            int replacement;
            if (common == length)
            {
                // The new prefix covers the node: it becomes the node's parent.
                var covering = new Node<UInt128>(key, length, entry);
                covering.SetChild(Bit(node.Key, length, bits), current);
                replacement = Add(nodes, covering);
            }
            else
            {
                // They diverge at bit `common`: a glue node holds both.
                var glue = new Node<UInt128>(key & IpPrefix.Mask(prefix.Family, common), common, -1);
                var leaf = Add(nodes, new Node<UInt128>(key, length, entry));
                var leafRight = Bit(key, common, bits);
                glue.SetChild(leafRight, leaf);
                glue.SetChild(!leafRight, current);
                replacement = Add(nodes, glue);
            }

            Link(nodes, ref root, parent, goRight, replacement);
            return;
        }
    }

    private static int Add(List<Node<UInt128>> nodes, Node<UInt128> node)
    {
        nodes.Add(node);
        return nodes.Count - 1;
    }

    private static void Link(List<Node<UInt128>> nodes, ref int root, int parent, bool right, int child)
    {
        if (parent < 0)
        {
            root = child;
        }
        else
        {
            CollectionsMarshal.AsSpan(nodes)[parent].SetChild(right, child);
        }
    }

    /// <summary>Copies one family's scratch tree into a pre-order array of its own key type, root at 0.</summary>
    private static Node<TKey>[] Flatten<TKey>(List<Node<UInt128>> scratch, int root)
        where TKey : IBinaryInteger<TKey>
    {
        var into = new List<Node<TKey>>();
        Visit(root);
        return [.. into];

        int Visit(int source)
        {
            if (source < 0)
            {
                return -1;
            }

            var node = scratch[source];
            var index = into.Count;
            into.Add(default);
            var left = Visit(node.Left);
            var right = Visit(node.Right);
            into[index] = new Node<TKey>(TKey.CreateTruncating(node.Key), node.Length, node.Entry) { Left = left, Right = right };
            return index;
        }
    }

    private static int CommonPrefixLength(UInt128 a, UInt128 b, int bits)
    {
        var difference = a ^ b;
        return difference == UInt128.Zero ? bits : (int)UInt128.LeadingZeroCount(difference) - (128 - bits);
    }

    private static bool Bit(UInt128 key, int position, int bits) => ((key >> (bits - 1 - position)) & UInt128.One) != UInt128.Zero;

    private static TKey[] BuildMasks<TKey>(int bits)
        where TKey : IBinaryInteger<TKey>
    {
        var family = bits == 32 ? IpFamily.V4 : IpFamily.V6;
        var masks = new TKey[bits + 1];
        for (var length = 0; length <= bits; length++)
        {
            masks[length] = TKey.CreateTruncating(IpPrefix.Mask(family, length));
        }

        return masks;
    }

    /// <summary>One trie node: 20 bytes for IPv4, 32 for IPv6.</summary>
    private struct Node<TKey>
    {
        public TKey Key;
        public int Length;
        public int Entry;
        public int Left;
        public int Right;

        public Node(TKey key, int length, int entry)
        {
            Key = key;
            Length = length;
            Entry = entry;
            Left = -1;
            Right = -1;
        }

        public void SetChild(bool right, int child)
        {
            if (right)
            {
                Right = child;
            }
            else
            {
                Left = child;
            }
        }
    }
}
