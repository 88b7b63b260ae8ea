using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>
/// Reads a rule's text (protocol, port ranges, address prefixes, service tags, ASG references; singular and
/// plural fields already merged by the importer) into the parts of a <see cref="CompiledSecurityRule"/> for one subnet's
/// context. Values it cannot read match nothing and leave a VNL91xx note, so a verdict never rests on a silent guess.
/// </summary>
internal static class SecurityRuleCompiler
{
    private static readonly ImmutableArray<RuleAddress> AnyAddress = [new("*", RuleAddressKind.Any, AddressSet.All, [])];

    public static CompiledSecurityRuleParts Compile(SecurityRule rule, VirtualNetworkTag virtualNetwork, ServiceTagSet serviceTags,
        ApplicationSecurityGroupMembers asgMembers, SecurityRuleTermCache cache)
    {
        var notes = default(RuleNotes);

        if (!ProtocolSet.TryParse(rule.Protocol, out var protocols))
        {
            notes.Add(DiagnosticCatalog.RuleValueNotUnderstood(rule, "protocol", rule.Protocol, "protocol (Tcp, Udp, Icmp, Esp, Ah or *)"));
        }

        var sourcePorts = Ports(rule, rule.SourcePortRanges, "sourcePortRanges", cache, ref notes);
        var destinationPorts = Ports(rule, rule.DestinationPortRanges, "destinationPortRanges", cache, ref notes);
        var sources = Addresses(rule, rule.SourceAddressPrefixes, rule.SourceApplicationSecurityGroupIds, "sourceAddressPrefixes",
            virtualNetwork, serviceTags, asgMembers, cache, ref notes);
        var destinations = Addresses(rule, rule.DestinationAddressPrefixes, rule.DestinationApplicationSecurityGroupIds, "destinationAddressPrefixes",
            virtualNetwork, serviceTags, asgMembers, cache, ref notes);

        var expansion = virtualNetwork.Expansion;
        var conditions = new SecurityRuleConditions(protocols, ConditionAddresses(sources, expansion, out var sourcesIncludeLearned),
            ConditionAddresses(destinations, expansion, out var destinationsIncludeLearned), sourcePorts, destinationPorts,
            CompiledSecurityRule.NamesPlatformServiceTag(sources) || CompiledSecurityRule.NamesPlatformServiceTag(destinations),
            sourcesIncludeLearned, destinationsIncludeLearned);
        return new CompiledSecurityRuleParts(new SecurityRuleTerms(rule, sources, destinations, notes.ToImmutable()), conditions);
    }

    // The union of a side's terms as its conditions hold it: the VirtualNetwork tag's term adds its VNet's own part only,
    // and the gateway-learned part, which the NSG keeps once for all its rules, is flagged (see SecurityRuleConditions).
    // A side of that term alone is the expansion's own set, shared, with nothing made.
    private static AddressSet ConditionAddresses(ImmutableArray<RuleAddress> terms, VirtualNetworkTagExpansion expansion, out bool includesLearned)
    {
        includesLearned = false;
        var set = AddressSet.Empty;
        foreach (var term in terms)
        {
            if (ReferenceEquals(term, expansion.Term))
            {
                includesLearned = !expansion.Learned.IsEmpty;
                set = set.Union(expansion.Own);
            }
            else
            {
                set = set.Union(term.Addresses);
            }
        }

        return set;
    }

    private static PortSet Ports(SecurityRule rule, ImmutableArray<string> values, string field, SecurityRuleTermCache cache,
        ref RuleNotes notes)
    {
        if (values.Length == 1 ? cache.TryGetPorts(values[0], out var cached) : cache.TryGetPorts(values, out cached))
        {
            return cached;
        }

        var noted = notes.Count;
        var ranges = new List<PortRange>();
        foreach (var value in values)
        {
            // The portal writes "80, 443" into one field; ARM splits it into the plural list. Accept both.
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (PortRange.TryParse(part, out var range))
                {
                    ranges.Add(range);
                }
                else
                {
                    notes.Add(DiagnosticCatalog.RuleValueNotUnderstood(rule, field, part, "port or port range (0-65535, or *)"));
                }
            }
        }

        if (values.IsEmpty)
        {
            notes.Add(DiagnosticCatalog.RuleValueNotUnderstood(rule, field, "(empty)", "port or port range (0-65535, or *)"));
        }

        var ports = PortSet.FromRanges(ranges);
        return notes.Count != noted ? ports : values.Length == 1 ? cache.Ports(values[0], ports) : cache.Ports(values, ports);
    }

    private static ImmutableArray<RuleAddress> Addresses(SecurityRule rule, ImmutableArray<string> prefixes, ImmutableArray<ResourceId> asgIds,
        string field, VirtualNetworkTag virtualNetwork, ServiceTagSet serviceTags, ApplicationSecurityGroupMembers asgMembers,
        SecurityRuleTermCache cache, ref RuleNotes notes)
    {
        // Most sides say one thing: their one-term list is shared, not built per rule.
        if (prefixes.Length == 1 && asgIds.IsEmpty && IsOneValue(prefixes[0]))
        {
            return Address(rule, prefixes[0], field, virtualNetwork, serviceTags, cache, ref notes);
        }

        if (prefixes.IsEmpty && asgIds.Length == 1)
        {
            return cache.ApplicationSecurityGroup(asgIds[0], asgMembers);
        }

        if (!prefixes.IsEmpty || !asgIds.IsEmpty)
        {
            var allOneValue = true;
            foreach (var value in prefixes)
            {
                allOneValue &= IsOneValue(value);
            }

            // Nearly every list is one term per value: its array is filled in place, without a builder per side.
            if (allOneValue)
            {
                var array = new RuleAddress[prefixes.Length + asgIds.Length];
                for (var i = 0; i < prefixes.Length; i++)
                {
                    array[i] = Address(rule, prefixes[i], field, virtualNetwork, serviceTags, cache, ref notes)[0];
                }

                for (var i = 0; i < asgIds.Length; i++)
                {
                    array[prefixes.Length + i] = cache.ApplicationSecurityGroup(asgIds[i], asgMembers)[0];
                }

                return ImmutableCollectionsMarshal.AsImmutableArray(array);
            }
        }

        var terms = ImmutableArray.CreateBuilder<RuleAddress>(prefixes.Length + asgIds.Length);
        foreach (var value in prefixes)
        {
            if (IsOneValue(value))
            {
                terms.Add(Address(rule, value, field, virtualNetwork, serviceTags, cache, ref notes)[0]);
                continue;
            }

            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                terms.Add(Address(rule, part, field, virtualNetwork, serviceTags, cache, ref notes)[0]);
            }
        }

        foreach (var asgId in asgIds)
        {
            terms.Add(cache.ApplicationSecurityGroup(asgId, asgMembers)[0]);
        }

        if (terms.Count == 0)
        {
            notes.Add(DiagnosticCatalog.RuleValueNotUnderstood(rule, field, "(empty)", "address prefix, service tag or application security group"));
        }

        return terms.Count == terms.Capacity ? terms.MoveToImmutable() : terms.ToImmutable();
    }

    // A value that splitting on commas and trimming would leave as it is: it is read without making a copy.
    private static bool IsOneValue(string value) =>
        value.Length > 0 && !value.Contains(',', StringComparison.Ordinal) && !char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]);

    // Everything but the VirtualNetwork tag and values that leave a note means the same in every context, so it is kept
    // in the cache for the next rule that writes it. Returns the term as a one-term list.
    private static ImmutableArray<RuleAddress> Address(SecurityRule rule, string text, string field, VirtualNetworkTag virtualNetwork,
        ServiceTagSet serviceTags, SecurityRuleTermCache cache, ref RuleNotes notes)
    {
        if (cache.TryGetAddress(text, out var cached))
        {
            return cached;
        }

        if (text == "*")
        {
            return AnyAddress;
        }

        if (IpPrefix.TryParseAddressOrPrefix(text, out var prefix, out _))
        {
            // A prefix with host bits set is read as its network; validation reports it (Azure rejects it).
            return cache.Address(text, new RuleAddress(text, RuleAddressKind.Prefix, AddressSet.FromPrefix(prefix), []));
        }

        // The one tag that is never cached (its addresses are the context's) is recognised without the upper-cased copy
        // Canonical makes: every NSG's default rules name it four times, so that copy was made for every NSG compiled.
        if (ServiceTagNames.NamesVirtualNetwork(text))
        {
            return virtualNetwork.Expansion.Terms;
        }

        var tagName = ServiceTagNames.Canonical(text);

        if (serviceTags.TryGet(tagName, out var tag))
        {
            return cache.Address(text, new RuleAddress(tag.Name, RuleAddressKind.ServiceTag, tag.Addresses, tag.AddressPrefixes));
        }

        if (LooksLikeServiceTag(text))
        {
            notes.Add(DiagnosticCatalog.UnknownServiceTag(rule, text, serviceTags.Source));
        }
        else
        {
            notes.Add(DiagnosticCatalog.RuleValueNotUnderstood(rule, field, text, "address prefix or service tag"));
        }

        return [new RuleAddress(text, RuleAddressKind.Unresolved, AddressSet.Empty, [])];
    }

    // Service tags are words with optional ".Region" suffixes (Storage.WestEurope, AzureCloud.westeurope);
    // anything with digits and dots or a slash was meant as an address.
    private static bool LooksLikeServiceTag(string text) =>
        text.Length > 0 && char.IsLetter(text[0]) && text.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>A rule's notes, with no list made for the rules (nearly all) that have none.</summary>
    private struct RuleNotes
    {
        private ImmutableArray<Diagnostic>.Builder? _notes;

        public readonly int Count => _notes?.Count ?? 0;

        public void Add(Diagnostic note) => (_notes ??= ImmutableArray.CreateBuilder<Diagnostic>()).Add(note);

        public readonly ImmutableArray<Diagnostic> ToImmutable() => _notes?.ToImmutable() ?? [];
    }
}
