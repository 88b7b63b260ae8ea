using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// Values one snapshot yields that many subjects of a scoped rule share (a hub's overlapping peers, an ASG's VNets),
/// computed once per snapshot instead of once per subject. A snapshot never changes, so a value stays right while
/// the snapshot lives; the table holds snapshots weakly, so the values go with them. While the Debug read log
/// records, values are recomputed so that every read shows.
/// </summary>
internal sealed class EstateMemo<TKey, TValue> where TKey : notnull
{
    private readonly ConditionalWeakTable<Estate, ConcurrentDictionary<TKey, TValue>> _byEstate = [];

    public TValue Get(Estate estate, TKey key, Func<Estate, TKey, TValue> compute) =>
        EstateReadLog.IsRecording
            ? compute(estate, key)
            : _byEstate.GetValue(estate, _ => new ConcurrentDictionary<TKey, TValue>()).GetOrAdd(key, k => compute(estate, k));
}
