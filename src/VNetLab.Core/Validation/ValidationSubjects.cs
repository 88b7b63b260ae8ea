using System.Collections.Immutable;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>The resources a scoped rule's findings divide by, in the estate's order.</summary>
internal static class ValidationSubjects
{
    public static ImmutableArray<Resource> Of(Estate estate, Type subject) =>
        subject == typeof(VirtualNetwork) ? estate.VirtualNetworks.CastArray<Resource>()
        : subject == typeof(NetworkSecurityGroup) ? estate.NetworkSecurityGroups.CastArray<Resource>()
        : subject == typeof(RouteTable) ? estate.RouteTables.CastArray<Resource>()
        : subject == typeof(VirtualNetworkGateway) ? estate.VirtualNetworkGateways.CastArray<Resource>()
        : throw new ArgumentException($"{subject.Name} is not a validation subject.", nameof(subject));
}
