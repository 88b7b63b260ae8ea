namespace VNetLab.Model;

/// <summary>Where a resource or value came from: the file and the JSON path inside it (e.g. <c>$[2].properties.subnets[0]</c>).</summary>
public sealed record SourceLocation(string File, string JsonPath)
{
    /// <summary>The location of a property below this one.</summary>
    public SourceLocation Property(string name) => this with { JsonPath = JsonPath + "." + name };

    /// <summary>The location of an array element below this one.</summary>
    public SourceLocation Index(int index) => this with { JsonPath = JsonPath + "[" + index + "]" };

    public override string ToString() => $"{File}: {JsonPath}";
}
