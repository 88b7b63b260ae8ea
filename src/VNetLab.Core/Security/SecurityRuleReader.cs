using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// Reads rules for one <see cref="CompiledSecurity"/>: its service tags, its ASGs' members and the terms its rules
/// share. A compiled NSG keeps it to read its rules' terms again when its rule objects are first asked for, rather
/// than keeping every rule's terms from the compile on.
/// </summary>
/// <remarks>
/// Reading a rule again gives what the compile read: the values it kept are found in the same cache (the same
/// objects), and the rest (values with a note, the <c>VirtualNetwork</c> tag, lists of several values) are made from
/// the same text and tag, equal to the first reading.
/// </remarks>
internal sealed class SecurityRuleReader(ServiceTagSet serviceTags, ApplicationSecurityGroupMembers applicationSecurityGroups)
{
    private readonly SecurityRuleTermCache _cache = new();

    /// <summary>The rule's conditions and terms for a subnet's tag.</summary>
    public CompiledSecurityRuleParts Read(SecurityRule rule, VirtualNetworkTag virtualNetwork) =>
        SecurityRuleCompiler.Compile(rule, virtualNetwork, serviceTags, applicationSecurityGroups, _cache);

    /// <summary>The rule's terms for a subnet's tag, as <see cref="Read"/> gives them.</summary>
    public SecurityRuleTerms Terms(SecurityRule rule, VirtualNetworkTag virtualNetwork) => Read(rule, virtualNetwork).Terms;
}
