namespace VNetLab.Analysis.Policies;

/// <summary>The words a user writes for a selector kind, in policy files (<c>vnet: ...</c>) and on the command line (<c>vnet:PATTERN</c>).</summary>
public static class SelectorKindNames
{
    /// <summary>The kind a word names, or null; case-insensitive.</summary>
    public static SelectorKind? Parse(string word) => word.ToLowerInvariant() switch
    {
        "vnet" => SelectorKind.VirtualNetwork,
        "subnet" => SelectorKind.Subnet,
        "nic" => SelectorKind.NetworkInterface,
        "vm" => SelectorKind.VirtualMachine,
        "site" => SelectorKind.ExternalSite,
        "prefix" => SelectorKind.Prefix,
        "asg" => SelectorKind.ApplicationSecurityGroup,
        _ => null,
    };
}
