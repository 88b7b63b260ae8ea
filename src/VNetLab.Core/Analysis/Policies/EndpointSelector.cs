using VNetLab.Addressing;

namespace VNetLab.Analysis.Policies;

/// <summary>
/// Which endpoints an assertion (or <c>reach --from/--to</c>) talks about: resources of one kind whose name matches
/// a pattern (<c>*</c> and <c>?</c> wildcards, case-insensitive; a subnet as <c>VNET/SUBNET</c>), a prefix, or the
/// Internet.
/// </summary>
public sealed record EndpointSelector(SelectorKind Kind, string Pattern)
{
    public static EndpointSelector Internet { get; } = new(SelectorKind.Internet, "internet");

    /// <summary>The prefix, for <see cref="SelectorKind.Prefix"/>.</summary>
    public IpPrefix? Prefix { get; init; }

    /// <summary>A pattern for endpoints to leave out, matched against their label (<c>VNET/SUBNET</c>, a NIC, a site) or its last part.</summary>
    public string? Except { get; init; }

    /// <summary>True when <see cref="Except"/> leaves out the endpoint or destination labelled <paramref name="label"/>.</summary>
    public bool Excludes(string label) =>
        Except is { } except && (NamePattern.Matches(except, label) || NamePattern.Matches(except, label[(label.LastIndexOfAny([' ', '/']) + 1)..]));

    public override string ToString() =>
        (Kind == SelectorKind.Internet ? "internet" : $"{Kind.ToString().ToLowerInvariant()} {Pattern}") + (Except is null ? string.Empty : $" except {Except}");
}
