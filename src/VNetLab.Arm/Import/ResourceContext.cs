using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>One resource object being mapped: its id, its whole object and its <c>properties</c> object.</summary>
internal sealed class ResourceContext
{
    public ResourceContext(ResourceId id, JsonObjectReader resource)
    {
        Id = id;
        Resource = resource;

        // The path is kept by the resource (its Source): "$[1].properties.securityRules[7]" recurs in every file.
        Location = resource.Sink.Pool.Location(resource.Location);
        Properties = resource.Object("properties")
            ?? new JsonObjectReader(default, resource.Location.Property("properties"), id, Sink(resource));
    }

    public ResourceId Id { get; }

    /// <summary>The whole resource object (<c>name</c>, <c>location</c>, <c>sku</c>, <c>properties</c> …).</summary>
    public JsonObjectReader Resource { get; }

    /// <summary>The <c>properties</c> object (an empty reader when absent).</summary>
    public JsonObjectReader Properties { get; }

    public SourceLocation Location { get; }

    public string? AzureLocation => Resource.String("location");

    /// <summary>The context of an inline child object (a subnet inside a VNet) of the given child type.</summary>
    public ResourceContext? Child(JsonObjectReader child, string childType)
    {
        ResourceId? id = null;
        if (child.IdText() is { } text)
        {
            id = child.ParseId(text, child.Location.Property("id"));
        }

        if (id is null)
        {
            var name = child.String("name");
            if (string.IsNullOrWhiteSpace(name))
            {
                child.Report(Diagnostics.DiagnosticCatalog.MissingRequiredField(child.Location, Id, childType, "name"));
                return null;
            }

            id = Sink(child).Pool.CanonicalChild(Id.Child(childType, name), childType);
        }

        return new ResourceContext(id, new JsonObjectReader(child.Element, child.Location, id, Sink(child)));
    }

    private static DiagnosticSink Sink(JsonObjectReader reader) => reader.Sink;
}
