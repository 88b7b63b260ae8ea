namespace VNetLab.Analysis.Diff;

/// <summary>An effective route row's key: the subnet, its prefixes and its source.</summary>
public sealed record RouteKey(string SubnetId, string AddressPrefix, string Source);
