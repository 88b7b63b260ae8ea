using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Facts;

namespace VNetLab.Validation.Rules.Addressing;

/// <summary>
/// Subnets of one VNet do not overlap (constraints.md 2.4). Azure rejects the subnet created last, so the
/// diagnostic goes on each subnet that overlaps one declared before it, naming the earliest such subnet.
/// </summary>
internal sealed class SubnetRangesOverlapRule : ScopedValidationRule<VirtualNetwork>
{
    public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = [DiagnosticCatalog.Descriptors.SubnetRangesOverlap];

    public override ValidationReads Reads { get; } = ValidationReads.Around<VirtualNetwork>(0);

    // Subnets of a VNet almost never overlap: a check that allocates nothing comes before the lists the finder sorts.
    protected override IEnumerable<Diagnostic> Validate(Estate estate, VirtualNetwork vnet) =>
        PrefixOverlaps.AnyAmongSubnets(vnet.Subnets) ? Overlaps(vnet) : [];

    private static IEnumerable<Diagnostic> Overlaps(VirtualNetwork vnet)
    {
        var entries = vnet.Subnets
            .SelectMany((subnet, order) => subnet.AddressPrefixes.Select(prefix => (Subnet: subnet, Order: order, Prefix: prefix)))
            .ToList();
        if (entries.Count < 2)
        {
            yield break;
        }

        var reported = new HashSet<int>();
        foreach (var (earlier, later) in PrefixOverlaps.Pairs([.. entries.Select(e => e.Prefix.Prefix)], [.. entries.Select(e => e.Order)]))
        {
            var (first, second) = entries[earlier].Order < entries[later].Order
                ? (entries[earlier], entries[later])
                : (entries[later], entries[earlier]);
            if (reported.Add(second.Order))
            {
                yield return DiagnosticCatalog.SubnetRangesOverlap(second.Subnet, vnet, second.Prefix, first.Subnet, first.Prefix);
            }
        }
    }
}
