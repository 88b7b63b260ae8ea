namespace VNetLab.Model;

/// <summary>One reference a resource makes to another: the property that holds it and the resource type it must point at.</summary>
public sealed record ResourceReference(Resource From, string Property, ResourceId Target, string ExpectedType);
