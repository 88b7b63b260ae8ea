namespace VNetLab.Analysis.Diff;

/// <summary>A reachability row's key: source and destination as the matrix labels them.</summary>
public sealed record ReachKey(string Source, string Destination);
