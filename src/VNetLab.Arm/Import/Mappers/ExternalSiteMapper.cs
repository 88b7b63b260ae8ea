using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Arm.Import.Mappers;

/// <summary>The twin's own <c>VNetLab/externalSites</c> (CONTRACT.md).</summary>
internal sealed class ExternalSiteMapper : IResourceMapper
{
    private static readonly (string Text, ExternalSiteRole Role)[] _roles =
    [
        ("internet-proxy", ExternalSiteRole.InternetProxy),
        ("on-premises", ExternalSiteRole.OnPremises),
        ("internet", ExternalSiteRole.Internet),
        ("other", ExternalSiteRole.Other),
    ];

    public string ResourceType => ResourceTypes.ExternalSites;

    public Resource? Map(ResourceContext context)
    {
        var p = context.Properties;
        var attached = ImmutableArray.CreateBuilder<ResourceId>();
        var texts = p.Strings("attachedTo");
        for (var i = 0; i < texts.Length; i++)
        {
            if (p.ParseReference(texts[i], p.Location.Property("attachedTo").Index(i)) is { } id)
            {
                attached.Add(id);
            }
        }

        return new ExternalSite
        {
            Id = context.Id,
            Source = context.Location,
            Location = context.AzureLocation,
            Asn = p.Long("asn"),
            AddressSpace = Prefixes(p.AddressPrefixes("addressSpace")),
            AdvertisedPrefixes = Prefixes(p.AddressPrefixes("advertisedPrefixes")),
            AttachedTo = attached.ToImmutable(),
            Role = Role(p),
        };
    }

    private static ImmutableArray<IpPrefix> Prefixes(ImmutableArray<AddressPrefix> prefixes) => [.. prefixes.Select(p => p.Prefix)];

    private static ExternalSiteRole Role(JsonObjectReader p)
    {
        var text = p.String("role");
        if (text is null)
        {
            return ExternalSiteRole.Other;
        }

        foreach (var (spelling, role) in _roles)
        {
            if (string.Equals(text, spelling, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        p.Report(Diagnostics.DiagnosticCatalog.InvalidEnumValue(p.Location.Property("role"), p.ResourceId, text, _roles.Select(r => r.Text)));
        return ExternalSiteRole.Other;
    }
}
