using System.Globalization;
using System.Numerics;

namespace VNetLab.Addressing;

/// <summary>
/// An inclusive interval [<see cref="First"/>, <see cref="Last"/>] of integers, the building block of
/// <see cref="IntervalSet{T}"/>. Inclusive ends let the interval reach <c>T.MaxValue</c> without an
/// exclusive bound that would not fit in <typeparamref name="T"/>.
/// </summary>
public readonly record struct Interval<T>
    where T : IBinaryInteger<T>, IMinMaxValue<T>
{
    /// <exception cref="ArgumentException"><paramref name="first"/> is greater than <paramref name="last"/>.</exception>
    public Interval(T first, T last)
    {
        if (first > last)
        {
            throw new ArgumentException($"The interval {first}-{last} ends before it starts.", nameof(last));
        }

        First = first;
        Last = last;
    }

    public T First { get; }

    public T Last { get; }

    public bool Contains(T value) => value >= First && value <= Last;

    public override string ToString() =>
        First == Last
            ? First.ToString(null, CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
