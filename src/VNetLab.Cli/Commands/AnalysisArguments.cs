using System.Globalization;
using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Tracing;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Cli.Commands;

/// <summary>
/// Turns the analysis commands' arguments into engine inputs: trace endpoints (a NIC, a VM or an IP), destinations
/// (an IP, or a NIC, VM or external site name, or <c>internet</c>), selector patterns for <c>reach</c>, protocols.
/// Returns null with a message when an argument names nothing or more than one thing (exit code 2).
/// </summary>
internal static class AnalysisArguments
{
    /// <summary>The address <c>--to internet</c> stands for: a documentation-range public address, outside every VNet.</summary>
    public static readonly IpAddress InternetProbe = IpAddress.Parse("198.51.100.80");

    public static (TraceEndpoint Endpoint, IpAddress Address)? Source(NetworkAnalysis analysis, string text, out string? error)
    {
        error = null;
        if (IpAddress.TryParse(text, out var ip))
        {
            return (TraceEndpoint.At(analysis.Addresses, ip), ip);
        }

        if (SubnetNamed(analysis.Estate, text, out error) is { } subnet)
        {
            // A subnet sends from its first NIC, or, without NICs, from its first address Azure hands out (.4).
            var sender = analysis.Estate.NetworkInterfacesIn(subnet.Id).OrderBy(n => n.Id)
                .Select(n => n.PrimaryIpConfiguration?.PrivateIpAddress).FirstOrDefault(a => a is not null) ?? FirstUsable(subnet);
            if (sender is { } usable)
            {
                return (TraceEndpoint.At(analysis.Addresses, usable), usable);
            }
        }

        var nic = error is null ? Single(analysis.Estate.NetworkInterfaces, text, "network interface", out error) : null;
        nic ??= error is null ? VmNic(analysis.Estate, text, out error) : null;
        if (nic is null)
        {
            error ??= $"'{text}' is not an IP address and names no network interface, virtual machine or VNET/SUBNET in the estate.";
            return null;
        }

        if (nic.PrimaryIpConfiguration?.PrivateIpAddress is not { } address)
        {
            error = $"network interface {nic.Name} has no private IP address to trace from.";
            return null;
        }

        return (TraceEndpoint.Of(nic), address);
    }

    public static IpAddress? Destination(NetworkAnalysis analysis, string text, out string? error)
    {
        error = null;
        if (IpAddress.TryParse(text, out var ip))
        {
            return ip;
        }

        if (string.Equals(text, "internet", StringComparison.OrdinalIgnoreCase))
        {
            return InternetProbe;
        }

        if (SubnetNamed(analysis.Estate, text, out error) is { } subnet && FirstUsable(subnet) is { } subnetAddress)
        {
            return subnetAddress;
        }

        var nic = error is null ? Single(analysis.Estate.NetworkInterfaces, text, "network interface", out error) : null;
        if (error is not null)
        {
            return null;
        }

        nic ??= VmNic(analysis.Estate, text, out error);
        if (nic?.PrimaryIpConfiguration?.PrivateIpAddress is { } nicAddress)
        {
            return nicAddress;
        }

        if (error is not null)
        {
            return null;
        }

        var site = Single(analysis.Estate.ExternalSites, text, "external site", out error);
        if (site is not null)
        {
            var addresses = new SelectorResolver(analysis.Estate).Destinations(new EndpointSelector(SelectorKind.ExternalSite, site.Id.Value));
            if (addresses.FirstOrDefault()?.Addresses is { IsEmpty: false } set)
            {
                return set.First;
            }

            error = $"external site {site.Name} has no address space to trace to.";
            return null;
        }

        error ??= $"'{text}' is not an IP address and names no network interface, virtual machine, VNET/SUBNET or external site in the estate.";
        return null;
    }

    /// <summary>
    /// A <c>reach</c> pattern: <c>internet</c>, <c>KIND:PATTERN</c> (vnet, subnet, nic, vm, site, prefix, asg), a CIDR
    /// prefix, <c>VNET/SUBNET</c>, or a VNet name pattern.
    /// </summary>
    public static EndpointSelector? Selector(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (string.Equals(text, "internet", StringComparison.OrdinalIgnoreCase))
        {
            return EndpointSelector.Internet;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var kindText = text[..colon].ToLowerInvariant();
            var pattern = text[(colon + 1)..];
            var kind = SelectorKindNames.Parse(kindText);
            if (kind is null)
            {
                error = $"'{kindText}' is not a selector kind; use vnet:, subnet:, nic:, vm:, site:, prefix:, asg: or the word internet.";
                return null;
            }

            return kind == SelectorKind.Prefix ? PrefixSelector(pattern, out error) : new EndpointSelector(kind.Value, pattern);
        }

        if (IpPrefix.TryParseAddressOrPrefix(text, out _, out _) && text.Contains('.', StringComparison.Ordinal))
        {
            return PrefixSelector(text, out error);
        }

        return text.Contains('/', StringComparison.Ordinal)
            ? new EndpointSelector(SelectorKind.Subnet, text)
            : new EndpointSelector(SelectorKind.VirtualNetwork, text);
    }

    public static SecurityProtocol? Protocol(string text, out string? error)
    {
        error = null;
        foreach (var protocol in Enum.GetValues<SecurityProtocol>())
        {
            if (string.Equals(protocol.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return protocol;
            }
        }

        error = $"'{text}' is not a protocol; use Tcp, Udp, Icmp, Esp or Ah.";
        return null;
    }

    private static EndpointSelector? PrefixSelector(string text, out string? error)
    {
        error = null;
        if (IpPrefix.TryParseAddressOrPrefix(text, out var prefix, out _))
        {
            return new EndpointSelector(SelectorKind.Prefix, prefix.ToString()) { Prefix = prefix };
        }

        error = $"'{text}' is not a CIDR prefix.";
        return null;
    }

    /// <summary>The subnet written as <c>VNET/SUBNET</c>; null for any other text (or, with an error, for several matches).</summary>
    private static Subnet? SubnetNamed(Estate estate, string text, out string? error)
    {
        error = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || text.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) || text.IndexOf('/', slash + 1) >= 0)
        {
            return null;
        }

        var matches = estate.AllSubnets
            .Where(p => string.Equals(p.VirtualNetwork.Name, text[..slash], StringComparison.OrdinalIgnoreCase)
                && string.Equals(p.Subnet.Name, text[(slash + 1)..], StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Subnet).OrderBy(s => s.Id).ToList();
        if (matches.Count > 1)
        {
            error = $"'{text}' names {matches.Count.ToString(CultureInfo.InvariantCulture)} subnets; give the resource id of one of:"
                + string.Concat(matches.Select(m => Environment.NewLine + "  " + m.Id.Value));
            return null;
        }

        return matches.FirstOrDefault();
    }

    /// <summary>The first address Azure assigns in a subnet: the network address plus 4 (the first four are reserved).</summary>
    private static IpAddress? FirstUsable(Subnet subnet) =>
        subnet.AddressPrefixes.Select(p => p.Prefix).Where(p => p.IsV4 && p.Length <= 29)
            .Select(p => (IpAddress?)IpAddress.FromV4(p.Network.V4Value + 4)).FirstOrDefault();

    private static NetworkInterface? VmNic(Estate estate, string text, out string? error)
    {
        var vm = Single(estate.VirtualMachines, text, "virtual machine", out error);
        return vm?.NetworkInterfaceIds.Select(estate.Find<NetworkInterface>).OfType<NetworkInterface>().FirstOrDefault(n => n.PrimaryIpConfiguration is not null);
    }

    /// <summary>The one resource named (or identified by) <paramref name="text"/>; two or more is an error listing them (CONTRACT.md).</summary>
    private static T? Single<T>(IEnumerable<T> resources, string text, string kind, out string? error) where T : Resource
    {
        error = null;
        var matches = resources.Where(r => string.Equals(r.Id.Value, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Name, text, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Id).ToList();
        if (matches.Count > 1)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"'{text}' names {matches.Count} {kind}s; give the resource id of one of:")
                + string.Concat(matches.Select(m => Environment.NewLine + "  " + m.Id.Value));
            return null;
        }

        return matches.FirstOrDefault();
    }
}
