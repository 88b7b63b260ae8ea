using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class SubnetMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.Subnets;

    public Resource? Map(ResourceContext context) => MapSubnet(context);

    public static Subnet MapSubnet(ResourceContext context)
    {
        var p = context.Properties;

        // The API has both addressPrefix (one) and addressPrefixes (several); a subnet may carry either.
        var prefixes = p.AddressPrefixes("addressPrefix").AddRange(p.AddressPrefixes("addressPrefixes"));
        return new Subnet
        {
            Id = context.Id,
            Source = context.Location,
            AddressPrefixes = [.. prefixes.Distinct()],
            NetworkSecurityGroupId = p.Reference("networkSecurityGroup"),
            RouteTableId = p.Reference("routeTable"),
            NatGatewayId = p.Reference("natGateway"),
            ServiceEndpoints = [.. p.Objects("serviceEndpoints")
                .Select(e => new ServiceEndpoint(e.String("service") ?? string.Empty, e.Strings("locations")))],
            Delegations = [.. p.Objects("delegations")
                .Select(d => d.Object("properties")?.String("serviceName") ?? d.String("serviceName"))
                .OfType<string>()],
        };
    }
}
