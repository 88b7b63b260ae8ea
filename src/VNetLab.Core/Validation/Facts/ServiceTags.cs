using System.Collections.Frozen;

namespace VNetLab.Validation.Facts;

/// <summary>
/// Service tag names, for telling a tag from a mistyped address. The list holds the tags of Learn's
/// "Virtual network service tags" page that VNetLab knows; it is not complete, so an unknown tag-shaped
/// word is assumed to be a tag and reported as a fidelity note (VNL9201), never as an error.
/// </summary>
internal static class ServiceTags
{
    private static readonly FrozenSet<string> _known = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "ActionGroup", "ApiManagement", "AppConfiguration", "AppService", "AppServiceManagement", "AzureActiveDirectory",
        "AzureActiveDirectoryDomainServices", "AzureAdvancedThreatProtection", "AzureArcInfrastructure", "AzureAttestation",
        "AzureBackup", "AzureBotService", "AzureCloud", "AzureCognitiveSearch", "AzureConnectors", "AzureContainerApps",
        "AzureContainerRegistry", "AzureCosmosDB", "AzureDatabricks", "AzureDataExplorerManagement", "AzureDataLake",
        "AzureDevOps", "AzureDigitalTwins", "AzureEventGrid", "AzureFrontDoor.Frontend", "AzureFrontDoor.Backend",
        "AzureFrontDoor.FirstParty", "AzureHealthcareAPIs", "AzureInformationProtection", "AzureIoTHub", "AzureKeyVault",
        "AzureLoadBalancer", "AzureMachineLearning", "AzureMonitor", "AzureOpenDatasets", "AzurePlatformDNS", "AzurePlatformIMDS",
        "AzurePlatformLKM", "AzureResourceManager", "AzureSignalR", "AzureSiteRecovery", "AzureSpringCloud", "AzureTrafficManager",
        "AzureUpdateDelivery", "AzureWebPubSub", "BatchNodeManagement", "CognitiveServicesFrontend", "CognitiveServicesManagement",
        "DataFactory", "DataFactoryManagement", "EventHub", "GatewayManager", "GuestAndHybridManagement", "HDInsight", "Internet",
        "LogicApps", "LogicAppsManagement", "MicrosoftCloudAppSecurity", "MicrosoftContainerRegistry", "PowerBI", "PowerPlatformInfra",
        "PowerQueryOnline", "ServiceBus", "ServiceFabric", "Sql", "SqlManagement", "Storage", "StorageSyncService", "VirtualNetwork",
        "WindowsAdminCenter", "WindowsVirtualDesktop",
        // Classic spellings still accepted in NSG rules.
        "INTERNET", "VIRTUAL_NETWORK", "AZURE_LOADBALANCER");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _knownByText = _known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Tags a user-defined route cannot use as its address prefix (semantics.md 4.5).</summary>
    public static FrozenSet<string> NotAllowedInRoutes { get; } = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "AzurePlatformDNS", "AzurePlatformIMDS", "AzurePlatformLKM", "VirtualNetwork", "AzureLoadBalancer", "Internet");

    /// <summary>Words seen rejected as addresses in real Azure responses (constraints.md 7.5).</summary>
    public static FrozenSet<string> KnownInvalidWords { get; } = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "any");

    /// <summary>True for a tag VNetLab knows, with or without a regional suffix (<c>Storage.WestEurope</c>).</summary>
    public static bool IsKnown(string value)
    {
        var text = value.Trim();
        if (_known.Contains(text))
        {
            return true;
        }

        // A regional tag (Storage.WestEurope) is looked up by its first part in place, not as a new string.
        var dot = text.LastIndexOf('.');
        return dot > 0 && _knownByText.Contains(text.AsSpan(0, dot));
    }

    /// <summary>
    /// True when the text has the shape of a service tag: letters first, then letters, digits and single
    /// dots or underscores (<c>AzureCloud.eastasia</c>). Anything else is meant as an address.
    /// </summary>
    public static bool LooksLikeTag(string value)
    {
        var text = value.Trim();
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]) || text.EndsWith('.'))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = char.IsAsciiLetterOrDigit(c) || c == '_' || (c == '.' && text[i - 1] != '.');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
