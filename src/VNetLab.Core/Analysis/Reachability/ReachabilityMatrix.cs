using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Tracing;
using VNetLab.Security;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// Which subnets reach which subnets, external sites and the Internet, on which protocols and ports: every packet
/// class from every endpoint of a source subnet to every address of a destination, traced once
/// (<see cref="PacketClasses"/>), so the matrix covers all packets, not samples.
/// </summary>
public sealed class ReachabilityMatrix
{
    private readonly NetworkAnalysis _analysis;
    private readonly Tracer _tracer;
    private readonly SelectorResolver _resolver;
    private readonly PacketClasses _classes;

    public ReachabilityMatrix(NetworkAnalysis analysis)
    {
        _analysis = analysis;
        _tracer = new Tracer(analysis);
        _resolver = new SelectorResolver(analysis.Estate);
        _classes = PacketClasses.For(analysis);
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
        foreach (var endpoint in SenderClasses.Representatives(endpoints, _classes, _analysis.Estate))
        {
            var addresses = destination.Addresses.Except(endpoint.Addresses);
            foreach (var packetClass in _classes.Enumerate(endpoint.Addresses, addresses, ProtocolSet.All, PortSet.All))
            {
                var trace = _tracer.Trace(endpoint.Endpoint, packetClass.Representative);
                var ports = packetClass.Protocol.HasPorts() ? PortSet.FromRange(packetClass.DestinationPorts) : PortSet.Empty;
                if (trace.Disposition.IsSuccess())
                {
                    if (!reached.TryGetValue(packetClass.Protocol, out var current))
                    {
                        current = (PortSet.Empty, true, new SortedSet<string>(StringComparer.Ordinal));
                    }

                    current.Exits.Add(Exit(trace));
                    reached[packetClass.Protocol] = (current.Ports.Union(ports), current.Complete, current.Exits);
                }
                else
                {
                    missed[packetClass.Protocol] = missed.GetValueOrDefault(packetClass.Protocol, PortSet.Empty).Union(ports);
                    if (!packetClass.Protocol.HasPorts())
                    {
                        missed[packetClass.Protocol] = PortSet.All;
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
