using VNetLab.Core.Tests.Validation;
using VNetLab.Model;

namespace VNetLab.Core.Tests.Catalogue;

/// <summary>Every validation code's fires/quiet pair, split by family across partial files.</summary>
public static partial class ValidationCases
{
    private static readonly Lazy<Dictionary<string, ValidationCase>> _byCode = new(() =>
        Addressing().Concat(Peering()).Concat(Gateways()).Concat(ExpressRoute()).Concat(RouteTables()).Concat(Nsg()).Concat(Firewall()).Concat(Notes())
            .ToDictionary(c => c.Code, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, ValidationCase> ByCode => _byCode.Value;

    public static TheoryData<string> Codes() => [.. ByCode.Keys.Order(StringComparer.Ordinal)];

    // Shorthands for ids in the builder's subscription.
    private static ResourceId Id(string type, string name) => EstateBuilder.Id(type, name);

    private static ResourceId Vnet(string name) => EstateBuilder.VnetId(name);

    private static ResourceId Subnet(string vnet, string name) => EstateBuilder.SubnetId(vnet, name);

    private static ResourceId Peering(string from, string to) => EstateBuilder.PeeringId(from, to);

    private static ResourceId Gateway(string name) => Id("virtualNetworkGateways", name);

    private static ResourceId Circuit(string name) => Id("expressRouteCircuits", name);

    private static ResourceId CircuitPeering(string circuit, string type) => Circuit(circuit).Child("peerings", type);

    private static ResourceId Rule(string nsg, string name) => Id("networkSecurityGroups", nsg).Child("securityRules", name);

    private static ResourceId RouteId(string table, string name) => Id("routeTables", table).Child("routes", name);
}
