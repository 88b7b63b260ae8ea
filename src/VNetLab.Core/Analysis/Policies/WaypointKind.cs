namespace VNetLab.Analysis.Policies;

/// <summary>Spelled in policy files as <c>internet</c>, <c>expressRoute</c>, <c>tunnel</c>, <c>gateway</c>, <c>firewall</c>, <c>appliance</c>, <c>site</c>.</summary>
public enum WaypointKind
{
    Internet,
    ExpressRoute,
    Tunnel,
    Gateway,
    Firewall,
    Appliance,
    Site,
}
