namespace VNetLab.Routing;

/// <summary>
/// <c>Active</c> routes take part in longest prefix match; <c>Invalid</c> ones lost to a route with the same
/// prefix and higher precedence and stay listed (semantics.md §3.2).
/// </summary>
public enum EffectiveRouteState
{
    Active,
    Invalid,
}
