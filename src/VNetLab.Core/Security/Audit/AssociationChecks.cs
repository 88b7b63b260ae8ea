using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security.Audit;

/// <summary>
/// VNL6104-VNL6107: filters that filter nothing and traffic that nothing filters: NSGs associated with nothing,
/// ASGs with no member, subnets and NICs with no NSG at any level (semantics.md §4.3, §4.6).
/// </summary>
internal static class AssociationChecks
{
    // Azure refuses or does not support an NSG on these subnets (constraints.md 2.14, 7.15); no finding there.
    private static readonly HashSet<string> SubnetsWithoutNsgs = new(StringComparer.OrdinalIgnoreCase)
    {
        Subnet.GatewaySubnetName, Subnet.AzureFirewallSubnetName, "AzureFirewallManagementSubnet", "RouteServerSubnet",
    };

    public static IEnumerable<Diagnostic> UnassociatedNetworkSecurityGroups(NsgAuditContext context) =>
        context.Estate.NetworkSecurityGroups
            .Where(nsg => !context.Estate.AssociationsOf(nsg.Id).Any(r => r is Subnet or NetworkInterface))
            .Select(DiagnosticCatalog.NetworkSecurityGroupNotAssociated);

    public static IEnumerable<Diagnostic> ApplicationSecurityGroupsWithoutMembers(NsgAuditContext context)
    {
        var rules = context.Estate.NetworkSecurityGroups.SelectMany(n => n.SecurityRules).ToList();
        return context.Estate.ApplicationSecurityGroups
            .Where(asg => !context.Security.ApplicationSecurityGroups.HasMembers(asg.Id))
            .Select(asg => DiagnosticCatalog.ApplicationSecurityGroupWithoutMembers(asg,
                [.. rules.Where(r => r.SourceApplicationSecurityGroupIds.Contains(asg.Id) || r.DestinationApplicationSecurityGroupIds.Contains(asg.Id))]));
    }

    public static IEnumerable<Diagnostic> SubnetsWithoutNetworkSecurityGroup(NsgAuditContext context)
    {
        foreach (var (vnet, subnet) in context.Estate.AllSubnets)
        {
            if (subnet.NetworkSecurityGroupId is not null || SubnetsWithoutNsgs.Contains(subnet.Name))
            {
                continue;
            }

            var nics = context.Estate.NetworkInterfacesIn(subnet.Id);
            var unprotected = nics.Count(n => n.NetworkSecurityGroupId is null);
            if (nics.IsEmpty || unprotected > 0)
            {
                yield return DiagnosticCatalog.SubnetWithoutNetworkSecurityGroup(subnet, vnet.Name, unprotected, nics.Length);
            }
        }
    }

    public static IEnumerable<Diagnostic> NetworkInterfacesWithoutNetworkSecurityGroup(NsgAuditContext context) =>
        context.Estate.NetworkInterfaces
            .Where(nic => nic.NetworkSecurityGroupId is null)
            .Select(nic => (Nic: nic, Subnet: context.Estate.SubnetOf(nic)))
            .Where(x => x.Subnet is { NetworkSecurityGroupId: null } && !SubnetsWithoutNsgs.Contains(x.Subnet.Name))
            .Select(x => DiagnosticCatalog.NetworkInterfaceWithoutNetworkSecurityGroup(x.Nic, x.Subnet?.Name ?? string.Empty));
}
