using System.Collections.Immutable;
using System.Globalization;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Rules.Addressing;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>
/// An NSG on AzureBastionSubnet must allow what Bastion needs, or Azure refuses it (constraints.md 7.15):
/// inbound 443 from GatewayManager, outbound 443 to AzureCloud, outbound 22 and 3389 to VirtualNetwork
/// (learn.microsoft.com/azure/bastion/bastion-nsg, 2020-02-03 revision; newer revisions list more). A
/// requirement counts as met when an Allow rule (custom or default) covers the port, protocol and tag;
/// the check does not evaluate Deny rules in front of it.
/// </summary>
internal sealed class BastionSubnetNsgRule : ScopedValidationRule<VirtualNetwork>
{
    private static readonly (SecurityRuleDirection Direction, int Port, string Tag, string Text)[] _required =
    [
        (SecurityRuleDirection.Inbound, 443, "GatewayManager", "inbound TCP 443 from GatewayManager"),
        (SecurityRuleDirection.Outbound, 443, "AzureCloud", "outbound TCP 443 to AzureCloud"),
        (SecurityRuleDirection.Outbound, 22, "VirtualNetwork", "outbound TCP 22 to VirtualNetwork"),
        (SecurityRuleDirection.Outbound, 3389, "VirtualNetwork", "outbound TCP 3389 to VirtualNetwork"),
    ];

    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.NsgNotCompliantForAzureBastionSubnet];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0, typeof(NetworkSecurityGroup));

    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet)
    {
        List<Diagnostic>? findings = null;
        foreach (var subnet in vnet.Subnets)
        {
            if (subnet.Name != AzureBastionSubnetSizeRule.AzureBastionSubnetName)
            {
                continue;
            }

            if (estate.Find<NetworkSecurityGroup>(subnet.NetworkSecurityGroupId) is not { } nsg)
            {
                continue;
            }

            var rules = nsg.SecurityRules.Concat(nsg.DefaultSecurityRules).Where(r => r.Access == SecurityRuleAccess.Allow).ToList();
            var missing = _required.Where(req => !rules.Any(r => Covers(r, req.Direction, req.Port, req.Tag))).Select(req => req.Text).ToList();
            if (missing.Count > 0)
            {
                Findings.Add(ref findings, DiagnosticCatalog.NsgNotCompliantForAzureBastionSubnet(subnet, nsg.Id, string.Join("; ", missing)));
            }
        }

        return Findings.OrNone(findings);
    }

    private static bool Covers(SecurityRule rule, SecurityRuleDirection direction, int port, string tag)
    {
        var addresses = direction == SecurityRuleDirection.Inbound ? rule.SourceAddressPrefixes : rule.DestinationAddressPrefixes;
        return rule.Direction == direction
            && (rule.Protocol.Trim() == "*" || string.Equals(rule.Protocol.Trim(), "Tcp", StringComparison.OrdinalIgnoreCase))
            && addresses.Any(a => a.Trim() == "*" || string.Equals(a.Trim(), tag, StringComparison.OrdinalIgnoreCase))
            && rule.DestinationPortRanges.Any(p => CoversPort(p, port));
    }

    private static bool CoversPort(string range, int port)
    {
        var text = range.Trim();
        if (text == "*")
        {
            return true;
        }

        var parts = text.Split('-');
        return parts.Length switch
        {
            1 => int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var single) && single == port,
            2 => int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high) && low <= port && port <= high,
            _ => false,
        };
    }
}
