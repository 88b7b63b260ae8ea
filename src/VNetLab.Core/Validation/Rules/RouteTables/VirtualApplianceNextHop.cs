using VNetLab.Model;

namespace VNetLab.Validation.Rules.RouteTables;

/// <summary>
/// What a route table's virtual appliance IP answers: the first of the table's subnets that cannot reach it, the
/// appliance NIC holding it, and the table's subnet that NIC sits in.
/// </summary>
internal sealed record VirtualApplianceNextHop(Subnet? UnreachableFrom, NetworkInterface? NetworkInterface, Subnet? OwnSubnet);
