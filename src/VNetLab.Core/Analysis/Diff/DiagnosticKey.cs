namespace VNetLab.Analysis.Diff;

/// <summary>A diagnostic row's key: code and resource id (case-insensitive ids are compared as given text, lowered by the engines' sort).</summary>
public sealed record DiagnosticKey(string Code, string ResourceId);
