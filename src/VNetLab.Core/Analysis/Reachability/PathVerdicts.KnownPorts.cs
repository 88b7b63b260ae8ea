using System.Runtime.CompilerServices;
using VNetLab.Addressing;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

internal sealed partial class PathVerdicts
{
    /// <summary>
    /// The ports an NSG's rules allow, by protocol and source port, kept per rule array and rules matched (by value):
    /// the first-match walk reads nothing else (<see cref="Part"/>), so equal keys give equal ports. One thread's.
    /// </summary>
    /// <remarks>
    /// Emptied past a bound: a worker's rows come table by table, and the NSGs of a few tables serve almost every target.
    /// The lists handed out stay right once forgotten; they are only no longer shared.
    /// </remarks>
    private sealed class KnownPorts
    {
        private const int Kept = 8192;
        private readonly Dictionary<Key, List<(SecurityProtocol Protocol, int SourcePort, PortSet Allowed)>> _ports = new(KeyComparer.Instance);

        /// <summary>The ports known for the rules of <paramref name="rules"/> at the first <paramref name="count"/> of <paramref name="matching"/>, to add to.</summary>
        public List<(SecurityProtocol Protocol, int SourcePort, PortSet Allowed)> For(CompiledSecurityRule[] rules, int[] matching, int count)
        {
            // Looked up with the caller's buffer; kept under a copy at its size.
            if (_ports.TryGetValue(new Key(rules, matching, count), out var known))
            {
                return known;
            }

            if (_ports.Count >= Kept)
            {
                _ports.Clear();
            }

            known = [];
            _ports.Add(new Key(rules, matching[..count], count), known);
            return known;
        }

        private readonly record struct Key(CompiledSecurityRule[] Rules, int[] Matching, int Count)
        {
            public ReadOnlySpan<int> Matched => Matching.AsSpan(0, Count);
        }

        private sealed class KeyComparer : IEqualityComparer<Key>
        {
            public static KeyComparer Instance { get; } = new();

            public bool Equals(Key x, Key y) => ReferenceEquals(x.Rules, y.Rules) && x.Matched.SequenceEqual(y.Matched);

            public int GetHashCode(Key key)
            {
                var hash = new HashCode();
                hash.Add(RuntimeHelpers.GetHashCode(key.Rules));
                hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(key.Matched));
                return hash.ToHashCode();
            }
        }
    }
}
