namespace VNetLab.Routing;

/// <summary>A route the subnet would have had but Azure does not list, and why (for <c>routes --explain</c>).</summary>
/// <param name="Route">The route as it would have been listed.</param>
/// <param name="Reason">Why it is not listed.</param>
/// <param name="Explanation">The reason in words, naming what replaced or removed it.</param>
public sealed record SuppressedRoute(EffectiveRoute Route, RouteSuppressionReason Reason, string Explanation);
