using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

internal sealed class SecurityRuleMapper : IResourceMapper
{
    public string ResourceType => ResourceTypes.SecurityRules;

    public Resource? Map(ResourceContext context) => MapRule(context, isDefault: false);

    /// <summary>
    /// Protocol, ports and prefixes stay as written (singular and plural fields merged, as Azure merges
    /// them) so validation can judge them with Azure's own codes; access, direction and priority are typed.
    /// </summary>
    public static SecurityRule? MapRule(ResourceContext context, bool isDefault)
    {
        var p = context.Properties;
        var access = p.RequiredEnum<SecurityRuleAccess>("access", "security rule");
        var direction = p.RequiredEnum<SecurityRuleDirection>("direction", "security rule");
        var priority = p.Int("priority");
        if (priority is null && !p.Has("priority"))
        {
            p.Report(Diagnostics.DiagnosticCatalog.MissingRequiredField(p.Location, context.Id, "security rule", "priority"));
        }

        if (access is null || direction is null || priority is null)
        {
            return null;
        }

        return new SecurityRule
        {
            Id = context.Id,
            Source = context.Location,
            Protocol = p.String("protocol") ?? "*",
            SourcePortRanges = Merge(p, "sourcePortRange", "sourcePortRanges"),
            DestinationPortRanges = Merge(p, "destinationPortRange", "destinationPortRanges"),
            SourceAddressPrefixes = Merge(p, "sourceAddressPrefix", "sourceAddressPrefixes"),
            DestinationAddressPrefixes = Merge(p, "destinationAddressPrefix", "destinationAddressPrefixes"),
            SourceApplicationSecurityGroupIds = p.References("sourceApplicationSecurityGroups"),
            DestinationApplicationSecurityGroupIds = p.References("destinationApplicationSecurityGroups"),
            Access = access.Value,
            Direction = direction.Value,
            Priority = priority.Value,
            Description = p.String("description"),
            IsDefault = isDefault,
        };
    }

    private static System.Collections.Immutable.ImmutableArray<string> Merge(JsonObjectReader p, string singular, string plural) =>
        [.. p.Strings(singular).Concat(p.Strings(plural)).Where(s => s.Length > 0)];
}
