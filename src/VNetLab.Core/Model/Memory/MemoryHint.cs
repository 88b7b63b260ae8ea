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

    /// <summary>Hints the first <paramref name="lines"/> cache lines of <paramref name="value"/> (none when null).</summary>
    public static unsafe void Load(object? value, int lines = 1)
    {
        if (!Sse.IsSupported || value is null)
        {
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
    /// 15 each was such a load (docs/performance.md, "Session 15"). Empty arrays are one shared object, whose hint finds
    /// it in the cache.
    /// </remarks>
    public static void Load<T>(ImmutableArray<T> array) => Load(ImmutableCollectionsMarshal.AsArray(array));
}
