using VNetLab.Addressing;
using VNetLab.Analysis;
using VNetLab.Analysis.Policies;
using VNetLab.Analysis.Reachability;
using VNetLab.Analysis.Tracing;
using VNetLab.Security;

namespace VNetLab.EstateGenerator.Tests;

/// <summary>
/// Issue #7: the claim the reach matrix rests on when it walks once per class of the sites' atoms
/// (<see cref="DestinationClasses"/>): from every source, every atom of a class takes the same permissive path, as far
/// as the matrix reads it (disposition, hops, the kinds of their steps), and the classes do merge atoms.
/// </summary>
public sealed class DestinationClassesTests
{
    [Fact]
    [Trait("fact", "issue #7: the reach matrix agrees with a trace per packet class")]
    public void Site_atoms_of_one_class_take_the_same_permissive_path_from_every_source()
    {
        using var generated = new GeneratedEstate(new EstateGeneratorOptions
        {
            Hubs = 2, Spokes = 4, SubnetsPerSpoke = 2, NicsPerSubnet = 2, OnPremisesPrefixes = 30, NsgRules = 12, Udrs = 4, Seed = 7411,
        }, maxDegreeOfParallelism: 1);
        var estate = generated.Import().Estate;
        var analysis = NetworkAnalysis.Compile(estate);
        var packetClasses = PacketClasses.For(analysis);
        var tracer = new Tracer(analysis);
        var resolver = new SelectorResolver(estate);
        var region = resolver.SiteDestinations().Aggregate(AddressSet.Empty, (set, site) => set.Union(site.Addresses));
        var classes = new DestinationClasses(analysis, tracer, packetClasses, region);
        var atoms = packetClasses.Split(region).ToList();
        Assert.Equal(atoms.Count, classes.AtomCount);

        var merged = false;
        foreach (var source in resolver.AllSources())
        {
            Assert.True(source.Addresses.TryGetFirst(out var from));
            var classOf = classes.ForSender(SenderRouting.Of(analysis, source.Endpoint).Table);
            var paths = new Dictionary<int, string>();
            foreach (var atom in atoms)
            {
                var index = classes.AtomAt(atom.First);
                Assert.True(index >= 0);
                var path = Describe(tracer.OutcomeIgnoringFilters(source.Endpoint, Packet.Create(SecurityProtocol.Tcp, from, 1024, atom.First, 443)));
                if (paths.TryGetValue(classOf[index], out var first))
                {
                    Assert.Equal(first, path);
                    merged = true;
                }
                else
                {
                    paths.Add(classOf[index], path);
                }
            }
        }

        Assert.True(merged, "no two site atoms shared a class: the test would check nothing");
    }

    private static string Describe(Trace trace) =>
        trace.Disposition + ": " + string.Join(" | ", trace.Hops.Select(h => $"{h.Kind} {h.ResourceId} [{string.Join(",", h.Steps.Select(s => s.GetType().Name))}]"));
}
