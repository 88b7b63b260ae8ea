using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class NetworkSecurityGroupMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.NetworkSecurityGroups;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        var defaults = p.Objects("defaultSecurityRules").Select(r => context.Child(r, "defaultSecurityRules")).OfType<ResourceContext>()
            .Select(c => SecurityRuleMapper.MapRule(c, isDefault: true)).OfType<SecurityRule>().ToList();
        return new NetworkSecurityGroup
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            SecurityRules = [.. p.Objects("securityRules").Select(r => context.Child(r, "securityRules")).OfType<ResourceContext>()
                .Select(c => SecurityRuleMapper.MapRule(c, isDefault: false)).OfType<SecurityRule>()],

            // Azure creates the six default rules in every NSG; templates and designs omit them.
            DefaultSecurityRules = defaults.Count > 0 ? [.. defaults] : DefaultSecurityRules.For(context.Id),
        };
    }
}
