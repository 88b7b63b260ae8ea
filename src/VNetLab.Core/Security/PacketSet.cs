using System.Collections.Immutable;
using VNetLab.Addressing;

namespace VNetLab.Security;

/// <summary>
/// A set of packets as a union of pairwise-disjoint <see cref="PacketCube"/>s: the symbolic form of NSG
/// evaluation. "Every packet this NSG allows inbound" is one of these, and so is "every packet that reaches
/// this subnet from the Internet"; reachability and policy checks combine them with set algebra instead of
/// enumerating packets.
/// </summary>
/// <remarks>
/// The universe (<see cref="All"/>) is every TCP and UDP packet with any ports, plus every ICMP, ESP and AH
/// packet with ports 0 → 0 (<see cref="Packet"/>); <see cref="Complement"/> is relative to it. Cubes are never
/// empty and never overlap, so emptiness is "no cubes" and a sample is any cube's lowest packet. Immutable and
/// thread-safe. Sizes stay small for real NSGs (a cube per rule boundary), but set differences can multiply
/// cubes, so callers that keep results should <see cref="Simplify"/> them.
/// </remarks>
public sealed class PacketSet
{
    private PacketSet(ImmutableArray<PacketCube> cubes)
    {
        Cubes = cubes;
    }

    public static PacketSet Empty { get; } = new([]);

    /// <summary>Every packet of the universe: TCP/UDP with any ports, ICMP/ESP/AH with ports 0.</summary>
    public static PacketSet All { get; } = new([PacketCube.AllWithPorts, PacketCube.AllWithoutPorts]);

    /// <summary>The disjoint, non-empty cubes whose union is the set.</summary>
    public ImmutableArray<PacketCube> Cubes { get; }

    public bool IsEmpty => Cubes.IsEmpty;

    /// <summary>The packets of the universe inside one cube (a cube that strays outside the universe is clipped to it).</summary>
    public static PacketSet Of(in PacketCube cube) => All.Intersect(FromDisjoint([cube]));

    /// <summary>
    /// The packets of the universe that satisfy every given condition; a null argument means "any".
    /// Ports only constrain TCP and UDP: ICMP, ESP and AH packets stay in the set only when no port set is given.
    /// </summary>
    public static PacketSet Where(ProtocolSet? protocols = null, AddressSet? sources = null, AddressSet? destinations = null,
        PortSet? sourcePorts = null, PortSet? destinationPorts = null)
    {
        var withPorts = new PacketCube(
            (protocols ?? ProtocolSet.All).Intersect(ProtocolSet.WithPorts),
            sources ?? AddressSet.All,
            destinations ?? AddressSet.All,
            sourcePorts ?? PortSet.All,
            destinationPorts ?? PortSet.All);
        var cubes = new List<PacketCube>(2);
        if (!withPorts.IsEmpty)
        {
            cubes.Add(withPorts);
        }

        if (sourcePorts is null && destinationPorts is null)
        {
            var withoutPorts = PacketCube.AllWithoutPorts with
            {
                Protocols = (protocols ?? ProtocolSet.All).Intersect(ProtocolSet.WithoutPorts),
                Sources = sources ?? AddressSet.All,
                Destinations = destinations ?? AddressSet.All,
            };
            if (!withoutPorts.IsEmpty)
            {
                cubes.Add(withoutPorts);
            }
        }

        return FromDisjoint(cubes);
    }

    /// <summary>Membership test; allocates nothing.</summary>
    public bool Contains(in Packet packet)
    {
        foreach (var cube in Cubes)
        {
            if (cube.Contains(packet))
            {
                return true;
            }
        }

        return false;
    }

    public PacketSet Union(PacketSet other)
    {
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        // Adding only the part of other outside this keeps the cubes disjoint.
        var extra = other.Except(this);
        return extra.IsEmpty ? this : FromDisjoint([.. Cubes, .. extra.Cubes]);
    }

    public PacketSet Intersect(PacketSet other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return Empty;
        }

        // Pieces of different (a, b) pairs are disjoint because the a's are and the b's are.
        var result = new List<PacketCube>();
        foreach (var a in Cubes)
        {
            foreach (var b in other.Cubes)
            {
                var piece = a.Intersect(b);
                if (!piece.IsEmpty)
                {
                    result.Add(piece);
                }
            }
        }

        return FromDisjoint(result);
    }

    public PacketSet Except(PacketSet other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return this;
        }

        var current = new List<PacketCube>(Cubes);
        var next = new List<PacketCube>();
        foreach (var b in other.Cubes)
        {
            next.Clear();
            foreach (var a in current)
            {
                a.ExceptInto(b, next);
            }

            (current, next) = (next, current);
            if (current.Count == 0)
            {
                return Empty;
            }
        }

        return FromDisjoint(current);
    }

    /// <summary>Every packet of the universe not in this set.</summary>
    public PacketSet Complement() => All.Except(this);

    public bool Overlaps(PacketSet other)
    {
        foreach (var a in Cubes)
        {
            foreach (var b in other.Cubes)
            {
                if (a.Overlaps(b))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool IsSubsetOf(PacketSet other) => Except(other).IsEmpty;

    /// <summary>True when both sets hold exactly the same packets, however they are cut into cubes.</summary>
    public bool SetEquals(PacketSet other) => IsSubsetOf(other) && other.IsSubsetOf(this);

    /// <summary>The replies to these packets (sources and destinations swapped with their ports): how statefulness is modelled.</summary>
    public PacketSet Reverse() => FromDisjoint([.. Cubes.Select(c => c.Reverse())]);

    /// <summary>
    /// One packet of the set, the lowest of its first cube: a concrete example for a finding or a counterexample.
    /// </summary>
    public bool TryGetSample(out Packet packet)
    {
        foreach (var cube in Cubes)
        {
            if (cube.TryGetSample(out packet))
            {
                return true;
            }
        }

        packet = default;
        return false;
    }

    /// <summary>
    /// The same set in fewer cubes: merges cubes that differ in one dimension only, until none do. The result is
    /// deterministic for a given cube order.
    /// </summary>
    public PacketSet Simplify()
    {
        if (Cubes.Length < 2)
        {
            return this;
        }

        var cubes = new List<PacketCube>(Cubes);
        bool merged;
        do
        {
            merged = false;
            for (var i = 0; i < cubes.Count && !merged; i++)
            {
                for (var j = i + 1; j < cubes.Count; j++)
                {
                    if (TryMerge(cubes[i], cubes[j], out var union))
                    {
                        // Two disjoint cubes equal in four dimensions merge into exactly their union, which stays
                        // disjoint from every other cube.
                        cubes[i] = union;
                        cubes.RemoveAt(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
        while (merged);

        return FromDisjoint(cubes);
    }

    /// <summary>The cubes joined by <c> | </c>; <c>{}</c> when empty.</summary>
    public override string ToString() => IsEmpty ? "{}" : string.Join(" | ", Cubes.Select(c => c.ToString()));

    private static PacketSet FromDisjoint(IEnumerable<PacketCube> cubes)
    {
        var array = cubes.ToImmutableArray();
        return array.IsEmpty ? Empty : new PacketSet(array);
    }

    private static bool TryMerge(in PacketCube a, in PacketCube b, out PacketCube union)
    {
        var sameProtocols = a.Protocols == b.Protocols;
        var sameSources = a.Sources == b.Sources;
        var sameDestinations = a.Destinations == b.Destinations;
        var sameSourcePorts = a.SourcePorts == b.SourcePorts;
        var sameDestinationPorts = a.DestinationPorts == b.DestinationPorts;
        var differences = (sameProtocols ? 0 : 1) + (sameSources ? 0 : 1) + (sameDestinations ? 0 : 1)
            + (sameSourcePorts ? 0 : 1) + (sameDestinationPorts ? 0 : 1);
        if (differences != 1)
        {
            union = default;
            return false;
        }

        union = new PacketCube(
            a.Protocols.Union(b.Protocols),
            a.Sources.Union(b.Sources),
            a.Destinations.Union(b.Destinations),
            a.SourcePorts.Union(b.SourcePorts),
            a.DestinationPorts.Union(b.DestinationPorts));
        return true;
    }
}
