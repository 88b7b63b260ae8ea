using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Validation.Prefetch;
using VNetLab.Validation.Rules.Nsg;

namespace VNetLab.Validation;

/// <summary>
/// Answers "will Azure accept this estate?": runs every validation rule over a snapshot and returns every
/// diagnostic, deduplicated and in <see cref="DiagnosticOrder"/>. Pure: the same estate always gives the
/// same list.
/// </summary>
public sealed class Validator
{
    // The scoped rules grouped by subject type, as indexes into Rules: a run visits each subject once for all of them.
    private readonly ImmutableArray<(Type Subject, ImmutableArray<int> Rules)> _scopedRulesBySubject;

    // The rules that walk every NIC, as indexes into Rules: a run hands them the NICs during its pass over VNets.
    private readonly ImmutableArray<int> _nicWalkingRules;

    public Validator(IEnumerable<IValidationRule> rules)
    {
        Rules = [.. rules];
        var bySubject = new List<(Type Subject, List<int> Rules)>();
        for (var i = 0; i < Rules.Length; i++)
        {
            if (IsRunBySubject(Rules[i], out _, out var subject))
            {
                var index = bySubject.FindIndex(g => g.Subject == subject);
                if (index < 0)
                {
                    bySubject.Add((subject, [i]));
                }
                else
                {
                    bySubject[index].Rules.Add(i);
                }
            }
        }

        _scopedRulesBySubject = [.. bySubject.Select(g => (g.Subject, g.Rules.ToImmutableArray()))];
        _nicWalkingRules = [.. Enumerable.Range(0, Rules.Length).Where(i => Rules[i] is IWalksNetworkInterfaces)];
    }

    /// <summary>Every rule, with Azure's documented limits.</summary>
    public static Validator Default { get; } = Create(ValidationLimits.Azure);

    /// <summary>Every rule, with the given limits (tests lower them to keep estates small).</summary>
    public static Validator Create(ValidationLimits limits) => new(ValidationRules.All(limits));

    public ImmutableArray<IValidationRule> Rules { get; }

    /// <summary>
    /// Every rule's findings, deduplicated and sorted. Each rule's findings are those of <see cref="IValidationRule.Validate"/>
    /// in the same order, but scoped rules run subject by subject: all the rules about one NSG (or VNet, route table,
    /// gateway) check it in turn while it is in the cache, instead of each rule walking the whole estate again, which
    /// on an estate larger than the cache read it from memory once per rule. Likewise the rules that walk every NIC
    /// (<see cref="IWalksNetworkInterfaces"/>) are handed each NIC in that pass, next to its VNet's rules.
    /// </summary>
    public ImmutableArray<Diagnostic> Validate(Estate estate)
    {
        ArgumentNullException.ThrowIfNull(estate);
        var pass = new ValidationPass(estate);
        var byRule = new List<Diagnostic>[Rules.Length];
        for (var i = 0; i < byRule.Length; i++)
        {
            byRule[i] = [];
        }

        var walks = VisitSubjects(pass, (i, _, findings) => byRule[i].AddRange(findings));
        for (var i = 0; i < Rules.Length; i++)
        {
            byRule[i].AddRange(walks[i] is { } walk ? walk.Findings()
                : IsRunBySubject(Rules[i], out var scoped, out _) ? scoped.ValidateEstateWide(estate)
                : Rules[i].Validate(estate));
        }

        return Combine(byRule);
    }

    /// <summary>Validates a snapshot and keeps each rule's findings, so a later snapshot can be revalidated cheaply.</summary>
    public ValidationRun Run(Estate estate)
    {
        ArgumentNullException.ThrowIfNull(estate);
        var pass = new ValidationPass(estate);
        var bySubject = new ImmutableArray<(ResourceId, ImmutableArray<Diagnostic>)>.Builder?[Rules.Length];
        var walks = VisitSubjects(pass, (i, subject, findings) =>
        {
            ImmutableArray<Diagnostic> found = [.. findings];
            if (!found.IsEmpty)
            {
                (bySubject[i] ??= ImmutableArray.CreateBuilder<(ResourceId, ImmutableArray<Diagnostic>)>()).Add((subject.Id, found));
            }
        });
        ImmutableArray<RuleFindings> byRule =
        [
            .. Rules.Select((rule, i) => IsRunBySubject(rule, out var scoped, out _)
                ? RuleFindings.Scoped(bySubject[i]?.ToImmutable() ?? [], [.. scoped.ValidateEstateWide(estate)])
                : RuleFindings.Unscoped(walks[i]?.Findings() ?? rule.Validate(estate))),
        ];
        return new ValidationRun(this, estate, byRule, Combine(byRule.Select(r => r.All.AsEnumerable())));
    }

    /// <summary>
    /// Runs every scoped rule on every subject of its type, subject by subject (all of one subject's rules in turn, in
    /// the order of <see cref="Rules"/>), and hands each (rule index, subject, findings) to <paramref name="found"/>. Each
    /// rule still sees its subjects in the estate's order, so its findings come in the order a run of it alone gives.
    /// Meanwhile every NIC walk is handed every NIC, in the estate's order, each just before the VNet it sits in is
    /// checked (and held by the pass for that VNet's rules, <see cref="ValidationPass.NetworkInterfaceOf"/>); the walks, indexed as <see cref="Rules"/> (null for the other rules), are returned with every NIC visited.
    /// The pass's own walk gathers each ASG's VNets on the way, and the pass answers from it once the VNets are done
    /// (<see cref="ValidationPass.AsgVirtualNetworks"/>).
    /// </summary>
    private NetworkInterfaceWalk?[] VisitSubjects(ValidationPass pass, Action<int, Resource, IEnumerable<Diagnostic>> found)
    {
        var walks = new NetworkInterfaceWalk?[Rules.Length];
        foreach (var i in _nicWalkingRules)
        {
            walks[i] = ((IWalksNetworkInterfaces)Rules[i]).StartWalk(pass.Estate);
        }

        var estate = pass.Estate;

        // The pass's own walk gathers each ASG's VNets for the NSG rules, which come after the VNets.
        var asgVnets = AsgVirtualNetworks.StartWalk(estate);
        var feed = new NetworkInterfaceFeed(estate.NetworkInterfaces, [.. walks.OfType<NetworkInterfaceWalk>(), .. asgVnets is null ? [] : new[] { asgVnets }]);
        var nicsPerVnet = 0;
        foreach (var (subjectType, rules) in _scopedRulesBySubject)
        {
            var subjects = ValidationSubjects.Of(estate, subjectType);
            for (var at = 0; at < subjects.Length; at++)
            {
                var subject = subjects[at];
                SubjectPrefetch.Ahead(subjects, at);
                if (subject is VirtualNetwork vnet)
                {
                    // The VNet's NICs first: the walks read them, then the VNet's rules find them in the cache and the pass.
                    var placed = feed.VisitPlacedIn(vnet);
                    pass.Hold(estate.NetworkInterfaces.AsSpan()[placed]);

                    // The next VNets' NICs follow in the estate's order; a VNet without NICs (a hub) says nothing of how many.
                    var (first, count) = placed.GetOffsetAndLength(estate.NetworkInterfaces.Length);
                    nicsPerVnet = count > 0 ? count : nicsPerVnet;
                    SubjectPrefetch.NicsAhead(estate.NetworkInterfaces, first + count, nicsPerVnet);
                }

                foreach (var i in rules)
                {
                    found(i, subject, ((IScopedValidationRule)Rules[i]).Validate(pass, subject));
                }
            }

            if (subjectType == typeof(VirtualNetwork))
            {
                // Past the VNets, the NICs not visited yet wait for none; then every NIC has been gathered.
                feed.VisitRest();
                pass.AsgVirtualNetworks = asgVnets?.Gathered;
            }
        }

        feed.VisitRest();
        return walks;
    }

    /// <summary>True for a rule whose findings divide by subject: a scoped rule that names its subject type.</summary>
    private static bool IsRunBySubject(IValidationRule rule, [NotNullWhen(true)] out IScopedValidationRule? scoped, [NotNullWhen(true)] out Type? subject)
    {
        (scoped, subject) = rule is IScopedValidationRule s && rule.Reads.Subject is { } type ? (s, type) : (null, null);
        return scoped is not null;
    }

    /// <summary>
    /// The validation of <paramref name="after"/>, equal to <c>Run(after)</c> (same diagnostics, same order): a rule
    /// none of whose read types (<see cref="IValidationRule.Reads"/>) changed keeps its findings; a scoped rule
    /// (<see cref="IScopedValidationRule"/>) re-runs only for the subjects the change reaches
    /// (<see cref="ChangeReach"/>) and keeps the others' findings; any other rule re-runs in full. When a top-level
    /// resource was added or removed, or the run came from another validator, every rule re-runs: existence checks
    /// (<c>Contains</c>, dangling references) can then change anywhere, and the subjects' order can move.
    /// </summary>
    public ValidationRun Revalidate(ValidationRun before, Estate after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (ReferenceEquals(before.Estate, after) && ReferenceEquals(before.Validator, this))
        {
            return before;
        }

        var changes = EstateChanges.Between(before.Estate, after);
        if (!ReferenceEquals(before.Validator, this) || changes.Any(c => c.Before is null || c.After is null))
        {
            return Run(after);
        }

        var reach = new ChangeReach(before.Estate, after,
            [.. changes.SelectMany(c => c is { Before: { } was, After: { } now } ? [(c.Id, was, now)] : Array.Empty<(ResourceId, Resource, Resource)>())]);
        var pass = new ValidationPass(after);
        var positions = new Dictionary<Type, Dictionary<ResourceId, int>>();
        var byRule = ImmutableArray.CreateBuilder<RuleFindings>(Rules.Length);
        for (var i = 0; i < Rules.Length; i++)
        {
            var rule = Rules[i];
            var previous = before.ByRule[i];
            if (!rule.Reads.Types.Overlaps(reach.ChangedTypes))
            {
                byRule.Add(previous);
            }
            else if (rule is IScopedValidationRule scoped && rule.Reads.Subject is { } subject && reach.SubjectsToRevalidate(rule.Reads) is { } reached)
            {
                if (!positions.TryGetValue(subject, out var position))
                {
                    position = Positions(after, subject);
                    positions[subject] = position;
                }

                byRule.Add(Rerun(scoped, pass, previous, reached, position));
            }
            else
            {
                byRule.Add(RunRule(rule, pass));
            }
        }

        var result = byRule.MoveToImmutable();
        return new ValidationRun(this, after, result, Combine(result.Select(r => r.All.AsEnumerable())));
    }

    private static RuleFindings RunRule(IValidationRule rule, ValidationPass pass)
    {
        var estate = pass.Estate;
        if (!IsRunBySubject(rule, out var scoped, out var subject))
        {
            return RuleFindings.Unscoped(rule.Validate(estate));
        }

        var bySubject = ImmutableArray.CreateBuilder<(ResourceId, ImmutableArray<Diagnostic>)>();
        foreach (var resource in ValidationSubjects.Of(estate, subject))
        {
            ImmutableArray<Diagnostic> findings = [.. scoped.Validate(pass, resource)];
            if (!findings.IsEmpty)
            {
                bySubject.Add((resource.Id, findings));
            }
        }

        return RuleFindings.Scoped(bySubject.ToImmutable(), [.. scoped.ValidateEstateWide(estate)]);
    }

    /// <summary>
    /// Re-runs <paramref name="reached"/> subjects and merges their findings with the kept ones in the estate's order
    /// of subjects, so the rule's findings are in the order a full run yields them.
    /// </summary>
    private static RuleFindings Rerun(IScopedValidationRule rule, ValidationPass pass, RuleFindings previous, HashSet<ResourceId> reached,
        Dictionary<ResourceId, int> position)
    {
        var after = pass.Estate;
        var entries = new List<(int Position, ResourceId Subject, ImmutableArray<Diagnostic> Findings)>();
        foreach (var (subject, findings) in previous.BySubject)
        {
            if (!reached.Contains(subject) && position.TryGetValue(subject, out var at))
            {
                entries.Add((at, subject, findings));
            }
        }

        foreach (var id in reached)
        {
            if (position.TryGetValue(id, out var at) && after.Find<Resource>(id) is { } resource)
            {
                ImmutableArray<Diagnostic> findings = [.. rule.Validate(pass, resource)];
                if (!findings.IsEmpty)
                {
                    entries.Add((at, id, findings));
                }
            }
        }

        entries.Sort((x, y) => x.Position.CompareTo(y.Position));
        return RuleFindings.Scoped([.. entries.Select(e => (e.Subject, e.Findings))], [.. rule.ValidateEstateWide(after)]);
    }

    private static Dictionary<ResourceId, int> Positions(Estate estate, Type subject)
    {
        var subjects = ValidationSubjects.Of(estate, subject);
        var position = new Dictionary<ResourceId, int>(subjects.Length);
        for (var i = 0; i < subjects.Length; i++)
        {
            position.TryAdd(subjects[i].Id, i);
        }

        return position;
    }

    private static ImmutableArray<Diagnostic> Combine(IEnumerable<IEnumerable<Diagnostic>> byRule)
    {
        var seen = new HashSet<(string Code, ResourceId? Resource, string Message)>();
        var result = new List<Diagnostic>();
        foreach (var diagnostics in byRule)
        {
            foreach (var diagnostic in diagnostics)
            {
                if (seen.Add((diagnostic.Code, diagnostic.ResourceId, diagnostic.Message)))
                {
                    result.Add(diagnostic);
                }
            }
        }

        result.Sort(DiagnosticOrder.Instance);
        return [.. result];
    }
}
