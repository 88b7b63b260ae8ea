using System.Collections.Immutable;
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

    // Nearly every rule gives one of the pair and no empty value: that list is already the pool's shared one.
    private static ImmutableArray<string> Merge(JsonObjectReader p, string singular, string plural)
    {
        var one = p.Strings(singular);
        var many = p.Strings(plural);
        if (many.IsEmpty && !one.Contains(string.Empty))
        {
            return one;
        }

        if (one.IsEmpty && !many.Contains(string.Empty))
        {
            return many;
        }

        return p.Sink.Pool.Share([.. one.Concat(many).Where(s => s.Length > 0)]);
    }
}
