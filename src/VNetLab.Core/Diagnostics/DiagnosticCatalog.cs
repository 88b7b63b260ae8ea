using System.Collections.Immutable;
using System.Reflection;
using VNetLab.Model;

namespace VNetLab.Diagnostics;

/// <summary>
/// Every diagnostic VNetLab can raise, in one class split by family (DiagnosticCatalog.Input.cs,
/// .Addressing.cs, .Peering.cs …). Each entry is a descriptor in <see cref="Descriptors"/> and a factory
/// method named for the situation; rules and importers call the factories and never build a
/// <see cref="Diagnostic"/> themselves. Code ranges (STYLE.md 6.4): VNL0xxx input, VNL1xxx address
/// spaces/VNets/subnets, VNL2xxx peering, VNL3xxx VPN gateways and connections, VNL4xxx ExpressRoute,
/// VNL5xxx route tables, VNL6xxx NSGs/ASGs, VNL7xxx firewalls/NVAs/public IPs, VNL8xxx analysis,
/// VNL9xxx fidelity notes.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static readonly Lazy<ImmutableArray<DiagnosticDescriptor>> _all = new(() =>
        [.. typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)(f.GetValue(null) ?? throw new InvalidOperationException(f.Name)))
            .OrderBy(d => d.Code, StringComparer.Ordinal)]);

    /// <summary>Every descriptor, ordered by code.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All => _all.Value;

    /// <summary>The descriptor of a code, or null.</summary>
    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The descriptors, one static field per code, split by family across the partial files.</summary>
    public static partial class Descriptors;

    private static Diagnostic Create(DiagnosticDescriptor descriptor, ResourceId? resourceId, SourceLocation? location,
        params (string Name, object? Value)[] arguments) =>
        new(descriptor, resourceId, location,
            DiagnosticDescriptor.Format(descriptor.MessageTemplate, arguments),
            DiagnosticDescriptor.Format(descriptor.FixTemplate, arguments));

    /// <summary>Builds a diagnostic from a resource: its id and the place it was read from.</summary>
    private static Diagnostic Create(DiagnosticDescriptor descriptor, Resource resource, params (string Name, object? Value)[] arguments) =>
        Create(descriptor, resource.Id, resource.Source, arguments);
}
