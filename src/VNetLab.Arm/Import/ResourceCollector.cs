using System.Collections.Immutable;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>
/// Gathers mapped resources from every file, reports duplicate ids (the same JSON twice is not a
/// duplicate: overlapping exports are common), and merges separately given children into their parents.
/// It keeps a digest of each resource's JSON, not the JSON itself, so that a file's document can be
/// released as soon as it has been read: peak memory then follows the largest file, not the estate.
/// </summary>
internal sealed class ResourceCollector(DiagnosticSink sink)
{
    private readonly Dictionary<ResourceId, (Resource Resource, JsonDigest Json)> _roots = [];
    private readonly List<ResourceId> _order = [];
    private readonly List<(Resource Child, JsonDigest Json)> _children = [];

    public void Add(Resource resource, JsonDigest json)
    {
        if (resource.Id.IsChild)
        {
            _children.Add((resource, json));
            return;
        }

        if (_roots.TryGetValue(resource.Id, out var existing))
        {
            if (existing.Json != json)
            {
                sink.Add(DiagnosticCatalog.DuplicateResourceId(resource.Source ?? new SourceLocation("?", "$"), resource.Id, existing.Resource.Source));
            }

            return;
        }

        _roots[resource.Id] = (resource, json);
        _order.Add(resource.Id);
    }

    public Estate Build()
    {
        var seenChildren = new Dictionary<ResourceId, (Resource Child, JsonDigest Json)>();
        foreach (var (child, json) in _children)
        {
            var at = child.Source ?? new SourceLocation("?", "$");
            if (seenChildren.TryGetValue(child.Id, out var first))
            {
                if (first.Json != json)
                {
                    sink.Add(DiagnosticCatalog.DuplicateResourceId(at, child.Id, first.Child.Source));
                }

                continue;
            }

            seenChildren[child.Id] = (child, json);
            var parentId = child.Id.Parent;
            if (parentId is null || !_roots.TryGetValue(parentId, out var parent))
            {
                sink.Add(DiagnosticCatalog.ChildWithoutParent(at, child.Id, child.Id.ResourceType));
                continue;
            }

            if (Merge(parent.Resource, child) is { } merged)
            {
                _roots[parentId] = (merged, parent.Json);
            }
            else
            {
                sink.Add(DiagnosticCatalog.DuplicateResourceId(at, child.Id, InlineSource(parent.Resource, child.Id)));
            }
        }

        return Estate.Create(_order.Select(id => _roots[id].Resource));
    }

    /// <summary>The parent with the child appended, or null when the parent already holds that child inline.</summary>
    private static Resource? Merge(Resource parent, Resource child) => (parent, child) switch
    {
        (VirtualNetwork v, Subnet s) => Append(v.Subnets, s, list => v with { Subnets = list }),
        (VirtualNetwork v, VirtualNetworkPeering p) => Append(v.Peerings, p, list => v with { Peerings = list }),
        (NetworkSecurityGroup n, SecurityRule r) when r.IsDefault => Replace(n.DefaultSecurityRules, r, list => n with { DefaultSecurityRules = list }),
        (NetworkSecurityGroup n, SecurityRule r) => Append(n.SecurityRules, r, list => n with { SecurityRules = list }),
        (RouteTable t, Route r) => Append(t.Routes, r, list => t with { Routes = list }),
        (ExpressRouteCircuit c, ExpressRouteCircuitPeering p) => Append(c.Peerings, p, list => c with { Peerings = list }),
        (ExpressRouteCircuit c, ExpressRouteCircuitAuthorization a) => Append(c.Authorizations, a, list => c with { Authorizations = list }),
        (RouteFilter f, RouteFilterRule r) => Append(f.Rules, r, list => f with { Rules = list }),
        _ => parent,
    };

    private static Resource? Append<T>(ImmutableArray<T> list, T child, Func<ImmutableArray<T>, Resource> rebuild) where T : Resource =>
        list.Any(c => c.Id == child.Id) ? null : rebuild(list.Add(child));

    // Default rules are always present (filled in from the platform's six), so a separately given one replaces its twin.
    private static Resource Replace<T>(ImmutableArray<T> list, T child, Func<ImmutableArray<T>, Resource> rebuild) where T : Resource =>
        rebuild([.. list.Where(c => c.Id != child.Id), child]);

    private static SourceLocation? InlineSource(Resource parent, ResourceId childId) =>
        (parent switch
        {
            VirtualNetwork v => v.Subnets.Cast<Resource>().Concat(v.Peerings),
            NetworkSecurityGroup n => n.SecurityRules,
            RouteTable t => t.Routes,
            ExpressRouteCircuit c => c.Peerings.Cast<Resource>().Concat(c.Authorizations),
            RouteFilter f => f.Rules,
            _ => [],
        }).FirstOrDefault(c => c.Id == childId)?.Source;
}
