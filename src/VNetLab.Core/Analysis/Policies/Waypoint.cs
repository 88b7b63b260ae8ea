namespace VNetLab.Analysis.Policies;

/// <summary>
/// Something a path must (<c>via</c>) or must not (<c>notVia</c>) pass: Internet egress, an ExpressRoute circuit,
/// an IPsec tunnel (connection or local network gateway), a gateway, an Azure Firewall, a virtual appliance (its
/// NIC or VM) or an external site, by name pattern (<c>*</c> for any).
/// </summary>
public sealed record Waypoint(WaypointKind Kind, string Pattern)
{
    public override string ToString() => Pattern == "*" ? Kind.ToString() : $"{Kind} {Pattern}";
}
