namespace VNetLab.Analysis.Policies;

/// <summary>The kinds of endpoint a selector names; spelled in policy files as <c>vnet</c>, <c>subnet</c>, <c>nic</c>, <c>vm</c>, <c>site</c>, <c>internet</c>, <c>prefix</c>, <c>asg</c>.</summary>
public enum SelectorKind
{
    VirtualNetwork,
    Subnet,
    NetworkInterface,
    VirtualMachine,
    ExternalSite,
    Internet,
    Prefix,
    ApplicationSecurityGroup,
}
