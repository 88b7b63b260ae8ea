using System.Collections.Frozen;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// What a rule reads, declared on the rule beside the codes it raises: the top-level resource types (a subnet or
/// peering is its VNet's, a route its route table's, an IP configuration its NIC's, and what the estate's indexes
/// answer counts as the types they index), and how its findings divide (<see cref="ValidationScope"/>).
/// <see cref="Validator.Revalidate"/> trusts it to reuse findings, so the tests check it: in Debug builds the estate
/// logs every type a rule reads (<c>EstateReadLog</c>), and a rule that reads a type it does not declare fails.
/// </summary>
public sealed record ValidationReads
{
    private ValidationReads(IEnumerable<Type> types, ValidationScope scope, Type? subject, int hops)
    {
        Types = types.Select(EstateReadLog.TopLevelTypeOf).ToFrozenSet();
        Scope = scope;
        Subject = subject;
        Hops = hops;
    }

    /// <summary>The top-level resource types read.</summary>
    public FrozenSet<Type> Types { get; }

    public ValidationScope Scope { get; }

    /// <summary>The top-level type whose resources the findings divide by; null for <see cref="ValidationScope.Estate"/>.</summary>
    public Type? Subject { get; }

    /// <summary>How many peerings away a <see cref="ValidationScope.Neighbourhood"/> subject reads.</summary>
    public int Hops { get; }

    /// <summary>A rule whose findings may depend on any resource of these types.</summary>
    public static ValidationReads EstateWide(params IEnumerable<Type> types) => new(types, ValidationScope.Estate, null, 0);

    /// <summary>A rule whose findings for one <typeparamref name="TSubject"/> read that resource only (plus an estate-wide part over <paramref name="others"/>).</summary>
    public static ValidationReads Each<TSubject>(params IEnumerable<Type> others) where TSubject : Resource =>
        new(others.Prepend(typeof(TSubject)), ValidationScope.Resource, typeof(TSubject), 0);

    /// <summary>A rule whose findings for one <typeparamref name="TSubject"/> read the VNets within <paramref name="hops"/> peerings of it.</summary>
    public static ValidationReads Around<TSubject>(int hops, params IEnumerable<Type> others) where TSubject : Resource =>
        new(others.Prepend(typeof(TSubject)).Append(typeof(VirtualNetwork)), ValidationScope.Neighbourhood, typeof(TSubject), hops);
}
