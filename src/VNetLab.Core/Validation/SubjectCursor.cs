using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// The subjects of one type (NSGs, route tables, gateways) visited in the estate's order, each once, in step with the
/// validator's pass over VNets: after a VNet's rules, every subject up to the last one its subnets use is visited, so a
/// spoke's NSG and route table are checked while what their rules read of the spoke (its NICs' configurations, its
/// peers) is still in the cache rather than in a later pass that reads it from memory again. The order each rule sees
/// never depends on that timing: a subject no VNet uses only waits for its turn, at worst until <see cref="VisitRest"/>.
/// </summary>
internal sealed class SubjectCursor
{
    private readonly ImmutableArray<Resource> _subjects;
    private readonly Func<Subnet, ResourceId?>? _usedBy;
    private readonly Action<Resource> _visit;

    // Each subject's position in the estate's order (the first, for an id listed twice); null when VNets do not lead to the type.
    private readonly Dictionary<ResourceId, int>? _positions;
    private int _next;

    /// <param name="subjects">The subjects, in the estate's order.</param>
    /// <param name="usedBy">The subject a subnet uses (its NSG, its route table); null when subnets name none of this type.</param>
    /// <param name="visit">Runs the subject's rules.</param>
    public SubjectCursor(ImmutableArray<Resource> subjects, Func<Subnet, ResourceId?>? usedBy, Action<Resource> visit)
    {
        _subjects = subjects;
        _usedBy = usedBy;
        _visit = visit;
        if (usedBy is not null)
        {
            _positions = new Dictionary<ResourceId, int>(subjects.Length);
            for (var i = 0; i < subjects.Length; i++)
            {
                _positions.TryAdd(subjects[i].Id, i);
            }
        }
    }

    /// <summary>Visits, in order, every subject not visited yet up to the last one a subnet of <paramref name="vnet"/> uses.</summary>
    public void VisitUsedBy(VirtualNetwork vnet)
    {
        if (_positions is null || _usedBy is null)
        {
            return;
        }

        var last = -1;
        foreach (var subnet in vnet.Subnets)
        {
            if (_usedBy(subnet) is { } id && _positions.TryGetValue(id, out var at) && at > last)
            {
                last = at;
            }
        }

        while (_next <= last)
        {
            _visit(_subjects[_next++]);
        }
    }

    /// <summary>Visits every subject not visited yet, in order.</summary>
    public void VisitRest()
    {
        while (_next < _subjects.Length)
        {
            _visit(_subjects[_next++]);
        }
    }
}
