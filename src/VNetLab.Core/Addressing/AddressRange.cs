namespace VNetLab.Addressing;

/// <summary>An inclusive range of addresses of one family, <c>First</c> ≤ <c>Last</c>.</summary>
public readonly record struct AddressRange
{
    public AddressRange(IpAddress first, IpAddress last)
    {
        if (first.Family != last.Family)
        {
            throw new ArgumentException("A range cannot mix IPv4 and IPv6.", nameof(last));
        }

        if (first > last)
        {
            throw new ArgumentException($"The range {first}-{last} ends before it starts.", nameof(last));
        }

        First = first;
        Last = last;
    }

    public IpAddress First { get; }

    public IpAddress Last { get; }

    public IpFamily Family => First.Family;

    public bool Contains(IpAddress address) => address.Family == Family && address >= First && address <= Last;

    public override string ToString() => First == Last ? First.ToString() : $"{First}-{Last}";
}
