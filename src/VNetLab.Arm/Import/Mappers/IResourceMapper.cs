using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

/// <summary>Maps one ARM resource type's JSON onto its model record (one mapper per type, as batfish does per AWS entity).</summary>
internal interface IResourceMapper
{
    /// <summary>The full ARM type, e.g. <c>Microsoft.Network/virtualNetworks</c>.</summary>
    string ResourceType { get; }

    /// <summary>The record, or null when the object cannot be modelled (the reason is already reported).</summary>
    Resource? Map(ResourceContext context);
}
