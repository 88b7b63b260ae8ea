using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace VNetLab.Model.Memory;

/// <summary>
/// Asks the processor to start loading an object into the cache without waiting for it (x86 <c>prefetcht0</c>; nothing
/// on processors without it). A hint only: it never faults, even on an address the collector has since moved, and it
/// changes no value, so a hint that comes too early, too late or to the wrong place costs a memory read and nothing else.
/// </summary>
internal static class MemoryHint
{
    // A cache line on every processor .NET runs on; objects of the model larger than one get their second line too.
    private const int LineSize = 64;

    /// <summary>The <see cref="AppContext"/> switch that makes every hint a read (<see cref="_readsInsteadOfPrefetches"/>).</summary>
    internal const string ReadsInsteadOfPrefetchesSwitch = "VNetLab.MemoryHint.ReadsInsteadOfPrefetches";

    /// <summary>
    /// For a cache simulator that does not carry out prefetch instructions (valgrind's callgrind, which bench/callgrind-loop.sh
    /// runs with this on when <c>VNETLAB_HINTS_READ=1</c>): each hint reads the object's first line instead, so that the
    /// simulator charges that line's miss to the hint, and a miss it charges to any other code is a line no hint asked
    /// for or a further line of a hinted object. Further lines are not read, since a read past a small object's end could
    /// leave the heap. Read once, from the switch, so that in every other run the compiler drops the test.
    /// </summary>
    private static readonly bool _readsInsteadOfPrefetches =
        AppContext.TryGetSwitch(ReadsInsteadOfPrefetchesSwitch, out var reads) && reads;

    // Where a hint that reads puts what it read, so that the read is not optimised away.
    private static Type? _read;

    /// <summary>Hints the first <paramref name="lines"/> cache lines of <paramref name="value"/> (none when null).</summary>
    public static unsafe void Load(object? value, int lines = 1)
    {
        if (!Sse.IsSupported || value is null)
        {
            return;
        }

        if (_readsInsteadOfPrefetches)
        {
            // The method table pointer is the object's first word: reading it reads the first line.
            _read = value.GetType();
            return;
        }

        // The reference is the object's address; the hint reads nothing through it, so no pinning is needed.
        var address = (byte*)Unsafe.As<object, nint>(ref value);
        for (var line = 0; line < lines; line++)
        {
            Sse.Prefetch0(address + (line * LineSize));
        }
    }

    /// <summary>Hints the array behind <paramref name="array"/> (its length and first elements); nothing for a default one.</summary>
    /// <remarks>
    /// The array is not asked whether it is empty: that reads its length, a load of the very line the hint is for, which
    /// waits for memory where a hint does not. A pass hints hundreds of arrays of the NSG it checks next, and until session
    /// 15 each was such a load (bench/callgrind-loop.sh with <c>VNETLAB_HINTS_READ=1</c> showed them). Empty arrays are
    /// one shared object, whose hint finds it in the cache.
    /// </remarks>
    public static void Load<T>(ImmutableArray<T> array) => Load(ImmutableCollectionsMarshal.AsArray(array));
}
