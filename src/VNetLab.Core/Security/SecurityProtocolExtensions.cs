namespace VNetLab.Security;

public static class SecurityProtocolExtensions
{
    private static readonly (string Name, SecurityProtocol Protocol)[] Names =
    [
        ("TCP", SecurityProtocol.Tcp), ("UDP", SecurityProtocol.Udp), ("ICMP", SecurityProtocol.Icmp), ("ESP", SecurityProtocol.Esp),
        ("AH", SecurityProtocol.Ah),
    ];

    /// <summary>
    /// True for TCP and UDP, the protocols whose packets carry ports. ICMP, ESP and AH packets have none, so
    /// an NSG rule's port ranges cannot select among them (see <see cref="Packet"/> for how the twin models that).
    /// </summary>
    public static bool HasPorts(this SecurityProtocol protocol) => protocol is SecurityProtocol.Tcp or SecurityProtocol.Udp;

    /// <summary>
    /// Parses a protocol name case-insensitively: <c>Tcp</c>, <c>TCP</c>, <c>udp</c>, <c>Icmp</c>, <c>Esp</c>, <c>Ah</c>.
    /// <c>*</c> is not one protocol; see <see cref="ProtocolSet.TryParse"/>.
    /// </summary>
    public static bool TryParse(string? text, out SecurityProtocol protocol)
    {
        // Compared in place: every rule of every NSG compiled names its protocol, and an upper-cased copy of each was
        // garbage a compile of every NIC made for each rule. Ignoring case ordinally is comparing the invariant upper
        // cases, as the copy did.
        var name = text.AsSpan().Trim();
        protocol = SecurityProtocol.Tcp;
        foreach (var (candidate, value) in Names)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                protocol = value;
                return true;
            }
        }

        return false;
    }
}
