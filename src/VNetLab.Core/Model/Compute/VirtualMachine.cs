using System.Collections.Immutable;

namespace VNetLab.Model;

/// <summary>Microsoft.Compute/virtualMachines: only what links a VM to its NICs.</summary>
public sealed record VirtualMachine : TrackedResource
{
    public ImmutableArray<ResourceId> NetworkInterfaceIds { get; init; } = [];
}
