namespace VNetLab.Security;

/// <summary>
/// Publishes a value made on first read into a field, without a <see cref="Lazy{T}"/> and its delegate per field: a
/// compile of every NIC keeps millions of these fields alive, and the collector traced each Lazy. Racing threads make
/// equal values; the first one published is kept and every reader gets it.
/// </summary>
internal static class FirstRead
{
    public static T Publish<T>(ref T? field, T built)
        where T : class =>
        Interlocked.CompareExchange(ref field, built, null) ?? built;
}
