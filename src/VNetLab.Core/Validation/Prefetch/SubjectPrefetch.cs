using System.Collections.Immutable;
using VNetLab.Model;
using VNetLab.Model.Memory;

namespace VNetLab.Validation.Prefetch;

/// <summary>
/// Hints the memory system about the subjects a validation pass checks next, so their objects are loading while the
/// current subject is checked. On an estate larger than the last-level cache the pass is bound by reading the model
/// once (docs/performance.md, "Session 8"): every object is a cache miss the rules wait for in turn, because each is
/// found through the one before (an NSG, its rule array, a rule, the rule's prefixes). The hints walk the same chains
/// a few subjects ahead, one level per subject of distance: the subject <see cref="Depth"/> ahead is hinted, the one
/// before it has its arrays hinted (its object arrived meanwhile), and so on, so by the time the pass reaches a
/// subject its whole chain is in the cache. On an estate that fits the cache the hints find their lines there and cost
/// a few instructions per object.
/// </summary>
internal static class SubjectPrefetch
{
    /// <summary>How many subjects ahead the walk starts; also the number of levels of a subject's objects it reaches.</summary>
    public const int Depth = ResourceHints.Levels;

    /// <summary>Off only in tests that check the hints change no finding.</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>Hints the subjects after <paramref name="subjects"/>[<paramref name="at"/>], each at the level its distance gives.</summary>
    public static void Ahead(ImmutableArray<Resource> subjects, int at)
    {
        if (Enabled)
        {
            ResourceHints.Ahead(subjects.AsSpan(), at);
        }
    }

    /// <summary>
    /// Hints the NICs that follow <paramref name="next"/> in <paramref name="nics"/>, <paramref name="perSubject"/> of
    /// them per level: the NICs of the next VNets when the estate groups its NICs by VNet, as exports and the generator do.
    /// </summary>
    public static void NicsAhead(ImmutableArray<NetworkInterface> nics, int next, int perSubject)
    {
        if (!Enabled || perSubject <= 0)
        {
            return;
        }

        for (var level = 0; level < Depth; level++)
        {
            var (start, count) = NicsAt(next, perSubject, level).GetOffsetAndLength(int.MaxValue);
            for (var i = start; i < Math.Min(start + count, nics.Length); i++)
            {
                ResourceHints.Hint(nics[i], level);
            }
        }
    }

    /// <summary>The NICs hinted at <paramref name="level"/>, counted from the next NIC, with the spacing <see cref="ResourceHints.AheadOf"/> gives subjects.</summary>
    internal static Range NicsAt(int next, int perSubject, int level)
    {
        var start = next + ((Depth - 1 - level) * perSubject);
        return start..(start + perSubject);
    }
}
