using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>
/// One pass of validation over one snapshot: the estate, and the values many subjects of a scoped rule share (a hub's
/// overlapping peers, an ASG's VNets), computed once per pass instead of once per subject. They live only as long as
/// the pass, so validating the same snapshot twice does the work twice, as a caller would expect.
/// </summary>
internal sealed class ValidationPass(Estate estate)
{
    private readonly Dictionary<(object Owner, object Key), object?> _shared = [];

    public Estate Estate { get; } = estate;

    /// <summary>The value <paramref name="compute"/> gives for <paramref name="key"/>, computed once per pass and owner.</summary>
    public TValue Shared<TKey, TValue>(object owner, TKey key, Func<Estate, TKey, TValue> compute) where TKey : notnull
    {
        if (_shared.TryGetValue((owner, key), out var known) && known is TValue value)
        {
            return value;
        }

        value = compute(Estate, key);
        _shared[(owner, key)] = value;
        return value;
    }
}
