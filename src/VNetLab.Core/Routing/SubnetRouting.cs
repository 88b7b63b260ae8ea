using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Routing;

/// <summary>One subnet's compiled routing: its (possibly shared) table and the fidelity notes that apply to it.</summary>
/// <param name="SubnetId">The subnet.</param>
/// <param name="Table">Its effective route table; the same instance for every subnet with the same routes.</param>
/// <param name="Notes">The VNL9xxx notes behind its routes, sorted by code.</param>
public sealed record SubnetRouting(ResourceId SubnetId, EffectiveRouteTable Table, ImmutableArray<Diagnostic> Notes);
