using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Security;

namespace VNetLab.Testing.Reference.Reachability;

/// <summary>
/// The reach matrix as it was computed before pruning and symbolic port evaluation: every packet class from every
/// endpoint of a source to every address of every destination, traced (<see cref="PacketClasses"/>). Slow but
/// plainly exact; the oracle the production <see cref="ReachabilityMatrix"/> must agree with row for row.
/// </summary>
public sealed class TracedReachabilityMatrix
{
    private readonly NetworkAnalysis _analysis;
    private readonly Tracer _tracer;
    private readonly SelectorResolver _resolver;
    private readonly PacketClasses _classes;
    private readonly TracedPathPortCuts _pathPortCuts;
    private readonly PortRange[] _sourcePortAtoms;
    private readonly PortRange[] _destinationPortAtoms;

    public TracedReachabilityMatrix(NetworkAnalysis analysis)
    {
        _analysis = analysis;
        _tracer = new Tracer(analysis);
        _resolver = new SelectorResolver(analysis.Estate);
        _classes = PacketClasses.For(analysis);
        _pathPortCuts = new TracedPathPortCuts(analysis);
        _sourcePortAtoms = [.. _classes.SplitSourcePorts(PortSet.All)];
        _destinationPortAtoms = [.. _classes.SplitDestinationPorts(PortSet.All)];
    }

    public SelectorResolver Resolver => _resolver;

    /// <summary>The rows for the sources and destinations selected (null: every workload subnet, site and the Internet), sorted by source then destination.</summary>
    public ImmutableArray<ReachRow> Compute(EndpointSelector? from = null, EndpointSelector? to = null)
    {
        var sources = from is null ? _resolver.AllSources() : _resolver.Sources(from);
        var destinations = to is null ? _resolver.AllDestinations() : _resolver.Destinations(to);
        var rows = ImmutableArray.CreateBuilder<ReachRow>();
        foreach (var group in sources.GroupBy(s => s.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var destination in destinations)
            {
                if (destination.Label == group.Key)
                {
                    continue;
                }

                var cells = Cells(group, destination);
                if (!cells.IsEmpty)
                {
                    rows.Add(new ReachRow(group.Key, destination.Label, cells));
                }
            }
        }

        return rows.ToImmutable();
    }

    private ImmutableArray<ReachCell> Cells(IEnumerable<SourceEndpoint> endpoints, DestinationGroup destination)
    {
        var reached = new Dictionary<SecurityProtocol, (PortSet Ports, bool Complete, SortedSet<string> Exits)>();
        var missed = new Dictionary<SecurityProtocol, PortSet>();

        void Record(SecurityProtocol protocol, PortSet ports, Trace trace)
        {
            if (trace.Disposition.IsSuccess())
            {
                if (!reached.TryGetValue(protocol, out var current))
                {
                    current = (PortSet.Empty, true, new SortedSet<string>(StringComparer.Ordinal));
                }

                current.Exits.Add(Exit(trace));
                reached[protocol] = (current.Ports.Union(ports), current.Complete, current.Exits);
            }
            else
            {
                missed[protocol] = missed.GetValueOrDefault(protocol, PortSet.Empty).Union(ports);
                if (!protocol.HasPorts())
                {
                    missed[protocol] = PortSet.All;
                }
            }
        }

        foreach (var endpoint in TracedSenderClasses.Representatives(endpoints, _classes, _analysis.Estate))
        {
            var addresses = destination.Addresses.Except(endpoint.Addresses);
            var sourceAtoms = _classes.Split(endpoint.Addresses).ToList();
            var destinationAtoms = _classes.Split(addresses).ToList();
            foreach (var protocol in ProtocolSet.All.Members)
            {
                foreach (var source in sourceAtoms)
                {
                    foreach (var target in destinationAtoms)
                    {
                        if (!protocol.HasPorts())
                        {
                            var packetClass = new PacketClass(protocol, source, target, PortRange.Single(0), PortRange.Single(0));
                            Record(protocol, PortSet.Empty, _tracer.Outcome(endpoint.Endpoint, packetClass.Representative));
                            continue;
                        }

                        // Destination-port atoms between two cuts of the filters on the path are traced once (PathPortCuts).
                        var path = _tracer.OutcomeIgnoringFilters(endpoint.Endpoint,
                            new PacketClass(protocol, source, target, _sourcePortAtoms[0], _destinationPortAtoms[0]).Representative);
                        var cuts = _pathPortCuts.Of(path);
                        foreach (var sourcePort in _sourcePortAtoms)
                        {
                            var index = 0;
                            while (index < _destinationPortAtoms.Length)
                            {
                                var first = _destinationPortAtoms[index];
                                var last = first;
                                index++;
                                while (index < _destinationPortAtoms.Length && !cuts.Contains(_destinationPortAtoms[index].First))
                                {
                                    last = _destinationPortAtoms[index];
                                    index++;
                                }

                                var packetClass = new PacketClass(protocol, source, target, sourcePort, first);
                                Record(protocol, PortSet.FromRange(new PortRange(first.First, last.Last)), _tracer.Outcome(endpoint.Endpoint, packetClass.Representative));
                            }
                        }
                    }
                }
            }
        }

        return [.. reached.OrderBy(p => p.Key).Select(p =>
        {
            var missedPorts = missed.GetValueOrDefault(p.Key, PortSet.Empty);
            var complete = p.Key.HasPorts() ? !missedPorts.Overlaps(p.Value.Ports) : !missed.ContainsKey(p.Key);
            return new ReachCell(p.Key, p.Value.Ports, complete, string.Join(",", p.Value.Exits));
        })];
    }

    private static string Exit(Trace trace) => trace.Disposition switch
    {
        FlowDisposition.ExitedToInternet => "Internet",
        FlowDisposition.ExitedToExternalSite => "site " + (trace.LastHop?.Name ?? "?"),
        _ => "delivered",
    };
}
