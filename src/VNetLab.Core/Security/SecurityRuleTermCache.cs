using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

    // Port fields of several values ("22", "3389"), by their values: each rule writes its own list, and reading each
    // was a split, a list, an iterator and a set per rule of every NSG compiled.
    private readonly ConcurrentDictionary<ImmutableArray<string>, PortSet> _portLists = new(PortListComparer.Instance);

    /// <summary>The value's term as a one-term list, when a rule resolved it before.</summary>
    public bool TryGetAddress(string text, out ImmutableArray<RuleAddress> term) => _addresses.TryGetValue(text, out term);

    /// <summary>Keeps <paramref name="address"/> for <paramref name="text"/>, or returns the one another rule kept first; as a one-term list.</summary>
    public ImmutableArray<RuleAddress> Address(string text, RuleAddress address) => _addresses.GetOrAdd(text, [address]);

    /// <summary>The ASG's term, as a one-term list.</summary>
    public ImmutableArray<RuleAddress> ApplicationSecurityGroup(ResourceId asgId, ApplicationSecurityGroupMembers members) =>
        _applicationSecurityGroups.GetOrAdd(asgId, static (id, members) =>
        {
            // The listed prefixes are made when first printed: a compile of every NIC made them for every ASG of the
            // estate, through a builder and a copy each, and kept them, for questions that never list them.
            var addresses = members.Of(id);
            return [new RuleAddress(id.Value, RuleAddressKind.ApplicationSecurityGroup, addresses, new ListedPrefixes(addresses).Get)
            {
                ApplicationSecurityGroupId = id,
            }];
        }, members);

    public bool TryGetPorts(string text, out PortSet ports) => _ports.TryGetValue(text, out ports);

    public PortSet Ports(string text, PortSet ports) => _ports.GetOrAdd(text, ports);

    public bool TryGetPorts(ImmutableArray<string> values, out PortSet ports) => _portLists.TryGetValue(values, out ports);

    public PortSet Ports(ImmutableArray<string> values, PortSet ports) => _portLists.GetOrAdd(values, ports);

    /// <summary>An ASG's prefixes as Azure lists them, made on first read and kept.</summary>
    private sealed class ListedPrefixes(AddressSet addresses)
    {
        private IpPrefix[]? _prefixes;

        public ImmutableArray<IpPrefix> Get() =>
            ImmutableCollectionsMarshal.AsImmutableArray(_prefixes
                ?? FirstRead.Publish(ref _prefixes, ImmutableCollectionsMarshal.AsArray(addresses.ToPrefixes()) ?? []));
    }

    /// <summary>Port lists equal when their values are, in order and ordinally.</summary>
    private sealed class PortListComparer : IEqualityComparer<ImmutableArray<string>>
    {
        public static readonly PortListComparer Instance = new();

        public bool Equals(ImmutableArray<string> x, ImmutableArray<string> y) =>
            x.AsSpan().SequenceEqual(y.AsSpan(), StringComparer.Ordinal);

        public int GetHashCode(ImmutableArray<string> values)
        {
            var hash = new HashCode();
            foreach (var value in values)
            {
                hash.Add(value, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
