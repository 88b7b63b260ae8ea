using System.Collections.Concurrent;
using System.Collections.Immutable;
using VNetLab.Addressing;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// The rule values that mean the same whatever the subnet (<c>*</c>, prefixes, service tags other than
/// <c>VirtualNetwork</c>, ASGs, port ranges), resolved once per <see cref="CompiledSecurity"/> and shared by every rule
/// that writes them, so two million rules hold a few thousand address and port sets rather than one each.
/// </summary>
/// <remarks>
/// Only values read without a note are kept: a note names its rule, so those are resolved per rule. An address value is
/// kept as the one-term list a rule holds when the value is all its side says (most rules), so such rules share the list
/// as well as the term.
/// </remarks>
internal sealed class SecurityRuleTermCache
{
    private readonly ConcurrentDictionary<string, ImmutableArray<RuleAddress>> _addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ResourceId, ImmutableArray<RuleAddress>> _applicationSecurityGroups = new();
    private readonly ConcurrentDictionary<string, PortSet> _ports = new(StringComparer.Ordinal);

    /// <summary>The value's term as a one-term list, when a rule resolved it before.</summary>
    public bool TryGetAddress(string text, out ImmutableArray<RuleAddress> term) => _addresses.TryGetValue(text, out term);

    /// <summary>Keeps <paramref name="address"/> for <paramref name="text"/>, or returns the one another rule kept first; as a one-term list.</summary>
    public ImmutableArray<RuleAddress> Address(string text, RuleAddress address) => _addresses.GetOrAdd(text, [address]);

    /// <summary>The ASG's term, as a one-term list.</summary>
    public ImmutableArray<RuleAddress> ApplicationSecurityGroup(ResourceId asgId, ApplicationSecurityGroupMembers members) =>
        _applicationSecurityGroups.GetOrAdd(asgId, static (id, members) =>
        {
            var addresses = members.Of(id);
            return [new RuleAddress(id.Value, RuleAddressKind.ApplicationSecurityGroup, addresses, addresses.ToPrefixes())
            {
                ApplicationSecurityGroupId = id,
            }];
        }, members);

    public bool TryGetPorts(string text, out PortSet ports) => _ports.TryGetValue(text, out ports);

    public PortSet Ports(string text, PortSet ports) => _ports.GetOrAdd(text, ports);
}
