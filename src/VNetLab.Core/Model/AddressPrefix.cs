using VNetLab.Addressing;

namespace VNetLab.Model;

/// <summary>
/// An address prefix as the user declared it. <see cref="Prefix"/> is the canonical CIDR the engines use;
/// <see cref="Text"/> keeps the input so that validation can report host bits set (Azure's
/// <c>InvalidCIDRNotation</c>) instead of the twin silently fixing it.
/// </summary>
public readonly record struct AddressPrefix(IpPrefix Prefix, string Text, bool IsCanonical)
{
    public static AddressPrefix Of(IpPrefix prefix) => new(prefix, prefix.ToString(), true);

    public override string ToString() => Text;
}
