using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Routing.Bgp;

namespace VNetLab.Routing;

/// <summary>
/// What <see cref="RoutingCompiler.Recompile"/> reuses from a compilation: the context (VNet facts, gateway
/// transit), the gateway route sets, the notes raised before the per-VNet phase and the notes each VNet's
/// compile raised, so the estate's note list can be rebuilt from the VNets without recompiling them.
/// </summary>
internal sealed class IncrementalRoutingState(RoutingContext context, GatewayRouteCompiler gateways, Diagnostic? noneSetNote,
    ImmutableArray<Diagnostic> globalNotes, Dictionary<ResourceId, ImmutableArray<Diagnostic>> raisedByVirtualNetwork)
{
    public RoutingContext Context { get; } = context;

    public GatewayRouteCompiler Gateways { get; } = gateways;

    public Diagnostic? NoneSetNote { get; } = noneSetNote;

    public ImmutableArray<Diagnostic> GlobalNotes { get; } = globalNotes;

    /// <summary>VNet → every note its compile raised (never written after construction).</summary>
    public Dictionary<ResourceId, ImmutableArray<Diagnostic>> RaisedByVirtualNetwork { get; } = raisedByVirtualNetwork;
}
