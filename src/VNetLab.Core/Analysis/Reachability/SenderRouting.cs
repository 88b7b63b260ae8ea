using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Routing;

namespace VNetLab.Analysis.Reachability;

/// <summary>
/// A sender's subnet and the table of its first route lookup: found once per sender of a source row, not per walk and
/// destination (every walk of the row asked for both again).
/// </summary>
internal readonly record struct SenderRouting(Subnet? Subnet, EffectiveRouteTable? Table)
{
    public static SenderRouting Of(NetworkAnalysis analysis, TraceEndpoint source)
    {
        var subnet = source.Resource switch
        {
            NetworkInterface nic => analysis.Estate.SubnetOf(nic),
            Subnet own => own,
            _ => null,
        };
        return new SenderRouting(subnet, subnet is null ? null : analysis.Routing.RouteTableOf(subnet.Id));
    }
}
