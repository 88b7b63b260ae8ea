using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// What one compiled NSG admits (<see cref="FilterAdmission.Admitted"/>), kept per direction and own-side signature
/// (<see cref="FilterAdmission.Signature"/>): every own side the rules do not tell apart shares one walk of the rules.
/// </summary>
/// <remarks>
/// One per NSG rather than one table for all: the pruning's workers mostly ask about different NSGs at once, so they
/// rarely meet on a lock, where one shared table of two million signature strings had them queue on its locks and its
/// growth. A signature is two bits per rule, looked up from the stack and copied only when it is new.
/// </remarks>
internal sealed class NetworkSecurityGroupAdmissions(CompiledNetworkSecurityGroup nsg)
{
    // Signatures longer than this (NSGs of over 2,000 rules, beyond Azure's limit) are made on the heap.
    private const int StackWords = 64;

    private readonly Dictionary<ulong[], AddressSet> _inbound = new(SignatureComparer.Instance);
    private readonly Dictionary<ulong[], AddressSet> _outbound = new(SignatureComparer.Instance);
    private readonly Lock _lock = new();

    public CompiledNetworkSecurityGroup NetworkSecurityGroup { get; } = nsg;

    /// <summary>How many walks of the rules were kept: one per distinct signature and direction.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _inbound.Count + _outbound.Count;
            }
        }
    }

    /// <summary>
    /// <see cref="FilterAdmission.Admitted"/> for <paramref name="own"/>, shared with every own side of the same
    /// signature (the same answer to every question the rule walk asks of it), so the same result.
    /// </summary>
    public AddressSet Admitted(SecurityRuleDirection direction, AddressSet own)
    {
        var rules = NetworkSecurityGroup.Rules(direction);
        var length = FilterAdmission.SignatureLength(rules.Length);
        var signature = length <= StackWords ? stackalloc ulong[StackWords] : new ulong[length];
        signature = signature[..length];
        FilterAdmission.Signature(rules, direction, own, signature);
        var known = (direction == SecurityRuleDirection.Inbound ? _inbound : _outbound).GetAlternateLookup<ReadOnlySpan<ulong>>();
        lock (_lock)
        {
            if (known.TryGetValue(signature, out var admitted))
            {
                return admitted;
            }
        }

        // The walk runs outside the lock; a worker that raced to the same signature made an equal set, and the first
        // one kept is the one every caller gets.
        var walked = FilterAdmission.Admitted(rules, direction, own);
        lock (_lock)
        {
            return known.TryAdd(signature, walked) ? walked : known[signature];
        }
    }

    /// <summary>Signatures compared word by word; looked up by a span so that a known one is never copied.</summary>
    private sealed class SignatureComparer : IEqualityComparer<ulong[]>, IAlternateEqualityComparer<ReadOnlySpan<ulong>, ulong[]>
    {
        public static SignatureComparer Instance { get; } = new();

        public bool Equals(ulong[]? x, ulong[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(ulong[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<ulong> alternate, ulong[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<ulong> alternate) => Hash(alternate);

        public ulong[] Create(ReadOnlySpan<ulong> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<ulong> words)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(words));
            return hash.ToHashCode();
        }
    }
}
