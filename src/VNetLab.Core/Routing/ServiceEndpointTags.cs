using System.Collections.Frozen;

namespace VNetLab.Routing;

/// <summary>
/// The service tag whose prefixes a service endpoint's route carries (semantics.md §2.2: "prefixes equal the
/// service tag's prefixes"). The endpoint names the resource provider; the tag names the service.
/// </summary>
internal static class ServiceEndpointTags
{
    private static readonly FrozenDictionary<string, string> TagByService = new Dictionary<string, string>
    {
        ["Microsoft.Storage"] = "Storage",
        ["Microsoft.Storage.Global"] = "Storage",
        ["Microsoft.Sql"] = "Sql",
        ["Microsoft.AzureCosmosDB"] = "AzureCosmosDB",
        ["Microsoft.KeyVault"] = "AzureKeyVault",
        ["Microsoft.ServiceBus"] = "ServiceBus",
        ["Microsoft.EventHub"] = "EventHub",
        ["Microsoft.Web"] = "AppService",
        ["Microsoft.ContainerRegistry"] = "AzureContainerRegistry",
        ["Microsoft.CognitiveServices"] = "CognitiveServicesManagement",
        ["Microsoft.AzureActiveDirectory"] = "AzureActiveDirectory",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The tags to look up for an endpoint: the regional tag per location (<c>Storage.WestEurope</c>), the
    /// top-level tag for <c>*</c>, and the VNet's region when the endpoint lists no location.
    /// </summary>
    public static IEnumerable<string> TagsFor(string service, IReadOnlyList<string> locations, string? vnetLocation)
    {
        var tag = TagByService.GetValueOrDefault(service)
            ?? (service.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase) ? service["Microsoft.".Length..] : service);
        IEnumerable<string> regions = locations.Count > 0 ? locations : vnetLocation is null ? ["*"] : [vnetLocation];
        return regions
            .Select(r => r.Replace(" ", string.Empty, StringComparison.Ordinal))
            .Select(r => r == "*" ? tag : tag + "." + r)
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
