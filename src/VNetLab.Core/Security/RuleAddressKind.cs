namespace VNetLab.Security;

/// <summary>What one source or destination value of a security rule is.</summary>
public enum RuleAddressKind
{
    /// <summary><c>*</c>: every address of both families.</summary>
    Any,

    /// <summary>An IP address or CIDR prefix.</summary>
    Prefix,

    /// <summary>A service tag (<c>VirtualNetwork</c>, <c>Internet</c>, <c>Storage.WestEurope</c>, ...).</summary>
    ServiceTag,

    /// <summary>An application security group, by resource id.</summary>
    ApplicationSecurityGroup,

    /// <summary>A value the twin cannot read or expand; it matches nothing (VNL9102, VNL9106).</summary>
    Unresolved,
}
