using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// The cells of one (source, destination) row as its walks and verdicts come in, by protocol: the ports some packet gets
/// through on and where such packets end, and the ports some packet does not get through on. Reused from row to row by
/// one worker (<see cref="Clear"/>): a large matrix tallies millions of rows, and a dictionary, a sorted set and a port
/// set union per protocol and target kept the collector busy.
/// </summary>
internal sealed class CellTally
{
    private const int Protocols = (int)SecurityProtocol.Ah + 1;

    private readonly bool[] _reached = new bool[Protocols];
    private readonly PortSet[] _reachedPorts = new PortSet[Protocols];
    private readonly List<string>[] _exits = [.. Enumerable.Range(0, Protocols).Select(_ => new List<string>())];

    // Ports some packet misses on: those named by failed walks, plus those some target's filters do not allow, kept as
    // the intersection of what every target allowed (its complement is their union, made once instead of per target).
    private readonly bool[] _missed = new bool[Protocols];
    private readonly PortSet[] _missedPorts = new PortSet[Protocols];
    private readonly PortSet[] _allowedEverywhere = new PortSet[Protocols];

    public CellTally() => Clear();

    public void Clear()
    {
        for (var p = 0; p < Protocols; p++)
        {
            _reached[p] = false;
            _reachedPorts[p] = PortSet.Empty;
            _exits[p].Clear();
            _missed[p] = false;
            _missedPorts[p] = PortSet.Empty;
            _allowedEverywhere[p] = PortSet.All;
        }
    }

    /// <summary>Packets of <paramref name="protocol"/> on <paramref name="ports"/> get through and end at <paramref name="exit"/>.</summary>
    public void Reached(SecurityProtocol protocol, PortSet ports, string exit)
    {
        var p = (int)protocol;
        _reached[p] = true;

        // Most targets of a row reach on ports already recorded: a subset test allocates nothing, a union a new set.
        if (!ports.IsSubsetOf(_reachedPorts[p]))
        {
            _reachedPorts[p] = _reachedPorts[p].IsEmpty ? ports : _reachedPorts[p].Union(ports);
        }

        if (!_exits[p].Contains(exit))
        {
            _exits[p].Add(exit);
        }
    }

    /// <summary>Packets of <paramref name="protocol"/> on <paramref name="ports"/> (every packet, for a protocol without ports) do not get through.</summary>
    public void Missed(SecurityProtocol protocol, PortSet ports)
    {
        var p = (int)protocol;
        _missed[p] = true;
        if (!protocol.HasPorts())
        {
            _missedPorts[p] = PortSet.All;
        }
        else if (!ports.IsSubsetOf(_missedPorts[p]))
        {
            _missedPorts[p] = _missedPorts[p].IsEmpty ? ports : _missedPorts[p].Union(ports);
        }
    }

    /// <summary>A target's filters let packets of <paramref name="protocol"/> through on <paramref name="allowed"/> only; the other ports miss.</summary>
    public void AllowedOnly(SecurityProtocol protocol, PortSet allowed)
    {
        var p = (int)protocol;
        if (!_allowedEverywhere[p].IsSubsetOf(allowed))
        {
            _allowedEverywhere[p] = _allowedEverywhere[p].IsAll ? allowed : _allowedEverywhere[p].Intersect(allowed);
        }
    }

    /// <summary>The row's cells, by protocol: complete when no packet on the reached ports misses.</summary>
    public ImmutableArray<ReachCell> Cells()
    {
        // Counted first: a builder grown to its default capacity and then copied at the row's size made two arrays per row.
        var count = 0;
        for (var p = 0; p < Protocols; p++)
        {
            count += _reached[p] ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var cells = new ReachCell[count];
        var next = 0;
        for (var p = 0; p < Protocols; p++)
        {
            if (!_reached[p])
            {
                continue;
            }

            var protocol = (SecurityProtocol)p;
            var complete = protocol.HasPorts()
                ? !_missedPorts[p].Overlaps(_reachedPorts[p]) && _reachedPorts[p].IsSubsetOf(_allowedEverywhere[p])
                : !_missed[p];
            _exits[p].Sort(StringComparer.Ordinal);
            cells[next++] = new ReachCell(protocol, _reachedPorts[p], complete, string.Join(",", _exits[p]));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(cells);
    }
}
