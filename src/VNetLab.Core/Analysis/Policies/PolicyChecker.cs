using System.Collections.Immutable;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing;

namespace VNetLab.Analysis.Policies;

/// <summary>
/// Checks policy assertions for all packets they cover: the packet space from each source endpoint to each
/// destination is cut into <see cref="PacketClasses"/>, one trace per class decides for the whole class, and a
/// failing class yields a concrete counterexample and the routes and rules that decided it.
/// </summary>
public sealed class PolicyChecker
{
    private readonly NetworkAnalysis _analysis;
    private readonly Tracer _tracer;
    private readonly SelectorResolver _resolver;
    private readonly PacketClasses _classes;

    public PolicyChecker(NetworkAnalysis analysis)
    {
        _analysis = analysis;
        _tracer = new Tracer(analysis);
        _resolver = new SelectorResolver(analysis.Estate);
        _classes = PacketClasses.For(analysis);
    }

    public PolicyResult Check(Policy policy) => new([.. policy.Assertions.Select(Check)]);

    public AssertionResult Check(PolicyAssertion assertion)
    {
        var sources = _resolver.Sources(assertion.From);
        var destinations = _resolver.Destinations(assertion.To);
        if (sources.IsEmpty || destinations.IsEmpty)
        {
            // An assertion about nothing would pass vacuously and hide a typo in the policy.
            var side = sources.IsEmpty ? $"from ({assertion.From})" : $"to ({assertion.To})";
            return new AssertionResult(assertion, false, 0, 0, $"{side} matches nothing in the estate", null, [], []);
        }

        var checkedCount = 0;
        var failed = 0;
        Counterexample? counterexample = null;
        var blockers = new List<PolicyBlocker>();
        var notes = new List<Diagnostic>();
        foreach (var source in SenderClasses.Representatives(sources, _classes, _analysis.Estate))
        {
            if (source.Addresses.IsEmpty)
            {
                notes.Add(DiagnosticCatalog.TraceNoAddress(source.Endpoint.Resource?.Id, source.Endpoint.ToString()));
            }

            foreach (var destination in destinations)
            {
                // A packet to its own source address never leaves the NIC; it is not a path.
                var addresses = destination.Addresses.Except(source.Addresses);
                foreach (var packetClass in _classes.Enumerate(source.Addresses, addresses, assertion.Protocols, assertion.Ports))
                {
                    checkedCount++;
                    var trace = _tracer.Trace(source.Endpoint, packetClass.Representative);
                    notes.AddRange(trace.Notes);
                    if (Violation(assertion, source, trace) is not { } violation)
                    {
                        continue;
                    }

                    failed++;
                    counterexample ??= new Counterexample(source, destination, packetClass, trace, violation);
                    blockers.AddRange(Blockers(assertion, ShouldPass(assertion) && !trace.Disposition.IsSuccess()
                        ? _tracer.TraceIgnoringFilters(source.Endpoint, packetClass.Representative)
                        : trace));
                }
            }
        }

        var distinctBlockers = blockers.Distinct()
            .OrderBy(b => b.Location?.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(b => b.Description, StringComparer.Ordinal)
            .ToImmutableArray();
        var reason = counterexample is not null
            ? $"{failed} of {checkedCount} packet classes fail; for example {counterexample.Class.Representative} from {counterexample.Source.Endpoint.Name}: {counterexample.Violation}"
            : checkedCount == 0 ? "no packet to check: the selected endpoints have no IPv4 addresses in common with the destinations" : null;
        return new AssertionResult(assertion, reason is null, checkedCount, failed, reason, counterexample, distinctBlockers,
            [.. notes.Distinct().OrderBy(n => n.Code, StringComparer.Ordinal).ThenBy(n => n.ResourceId)]);
    }

    /// <summary>Why <paramref name="trace"/> breaks the assertion, or null when it keeps it.</summary>
    private string? Violation(PolicyAssertion assertion, SourceEndpoint source, Trace trace)
    {
        var success = trace.Disposition.IsSuccess();
        if (assertion.Expect == ReachabilityExpectation.Reachable && !success)
        {
            return $"expected reachable, got {trace.Disposition}";
        }

        if (assertion.Expect == ReachabilityExpectation.Unreachable && success)
        {
            return $"expected unreachable, got {trace.Disposition}";
        }

        if (!assertion.Via.IsEmpty)
        {
            if (!success)
            {
                return $"expected a path via {string.Join(", ", assertion.Via)}, got {trace.Disposition}";
            }

            var missing = assertion.Via.FirstOrDefault(w => !Waypoints.Passes(trace, w, _analysis.Estate));
            if (missing is not null)
            {
                return $"the path does not pass {missing} ({Waypoints.Summary(trace)})";
            }
        }

        var forbidden = assertion.NotVia.FirstOrDefault(w => Waypoints.Passes(trace, w, _analysis.Estate));
        if (forbidden is not null)
        {
            return $"the path passes {forbidden}, which it must not";
        }

        if (assertion.NextHopType is { } expected && FirstNextHop(source, trace) is { } actual && actual != expected)
        {
            return $"expected next hop type {expected}, got {actual}";
        }

        return null;
    }

    private NextHopType? FirstNextHop(SourceEndpoint source, Trace trace)
    {
        if (trace.Steps.OfType<RouteLookupStep>().FirstOrDefault() is { } lookup)
        {
            return lookup.NextHopType;
        }

        // Denied before routing: the route is still what the assertion asks about.
        var subnet = source.Endpoint.Resource switch
        {
            NetworkInterface nic => _analysis.Estate.SubnetOf(nic),
            Subnet s => s,
            _ => null,
        };
        return subnet is null ? null : _analysis.NextHop(subnet.Id, trace.Packet.Destination).NextHopType;
    }

    private static bool ShouldPass(PolicyAssertion assertion) => assertion.Expect == ReachabilityExpectation.Reachable || !assertion.Via.IsEmpty;

    /// <summary>
    /// What would have to change for this packet. For a packet that should get through, <paramref name="trace"/> is
    /// its path with every filter ignored, and the blockers are every deny on it plus the route or drop that ends it
    /// short; for one that should not (or went the wrong way), every route that carried it and every rule that let it
    /// pass.
    /// </summary>
    private static IEnumerable<PolicyBlocker> Blockers(PolicyAssertion assertion, Trace trace)
    {
        var stopping = ShouldPass(assertion);
        var failedRoute = stopping && !trace.Disposition.IsSuccess();
        foreach (var hop in trace.Hops)
        {
            foreach (var step in hop.Steps)
            {
                var decisive = step switch
                {
                    NsgEvaluationStep nsg => stopping ? nsg.Access == SecurityRuleAccess.Deny : nsg.Access == SecurityRuleAccess.Allow && nsg.RuleName is not null,
                    RouteLookupStep lookup => !stopping || (failedRoute && lookup.NextHopType == NextHopType.None) || !assertion.Via.IsEmpty,
                    FirewallRuleStep firewall => stopping ? firewall.Action == SecurityRuleAccess.Deny : firewall.Action == SecurityRuleAccess.Allow,
                    IpForwardingStep forwarding => stopping ? !forwarding.Enabled : forwarding.Enabled,
                    PeeringTransitStep => !stopping,
                    DropStep => !hop.Steps.OfType<RouteLookupStep>().Any(l => l.NextHopType == NextHopType.None),
                    _ => false,
                };
                if (decisive)
                {
                    yield return new PolicyBlocker(step.Kind, step.DecidedBy, hop.ResourceId, step.Describe());
                }
            }
        }
    }
}
