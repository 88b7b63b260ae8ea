using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Model;

/// <summary>Microsoft.Network/azureFirewalls with classic network rule collections.</summary>
public sealed record AzureFirewall : TrackedResource
{
    public string? SkuName { get; init; }

    public string? SkuTier { get; init; }

    public string? ThreatIntelMode { get; init; }

    public ImmutableArray<AzureFirewallIpConfiguration> IpConfigurations { get; init; } = [];

    public ImmutableArray<AzureFirewallNetworkRuleCollection> NetworkRuleCollections { get; init; } = [];

    /// <summary>When the firewall is governed by a Firewall Policy instead of classic rules.</summary>
    public ResourceId? FirewallPolicyId { get; init; }

    /// <summary>The private IP spokes route to (the first IP configuration's).</summary>
    public IpAddress? PrivateIpAddress => IpConfigurations.Select(c => c.PrivateIpAddress).FirstOrDefault(a => a is not null);
}

public sealed record AzureFirewallIpConfiguration : Resource
{
    public ResourceId? SubnetId { get; init; }

    public ResourceId? PublicIpAddressId { get; init; }

    public IpAddress? PrivateIpAddress { get; init; }
}

public sealed record AzureFirewallNetworkRuleCollection : Resource
{
    public required int Priority { get; init; }

    /// <summary><c>action.type</c>: <c>Allow</c> or <c>Deny</c>.</summary>
    public required SecurityRuleAccess Action { get; init; }

    public ImmutableArray<AzureFirewallNetworkRule> Rules { get; init; } = [];
}

/// <summary>A network rule: protocols (<c>TCP</c>, <c>UDP</c>, <c>ICMP</c>, <c>Any</c>), addresses and ports as given.</summary>
public sealed record AzureFirewallNetworkRule
{
    public required string Name { get; init; }

    public ImmutableArray<string> Protocols { get; init; } = [];

    public ImmutableArray<string> SourceAddresses { get; init; } = [];

    public ImmutableArray<string> DestinationAddresses { get; init; } = [];

    public ImmutableArray<string> DestinationPorts { get; init; } = [];

    public ImmutableArray<string> DestinationFqdns { get; init; } = [];
}
