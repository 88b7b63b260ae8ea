namespace VNetLab.Security;

public static class SecurityProtocolExtensions
{
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
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TCP":
                protocol = SecurityProtocol.Tcp;
                return true;
            case "UDP":
                protocol = SecurityProtocol.Udp;
                return true;
            case "ICMP":
                protocol = SecurityProtocol.Icmp;
                return true;
            case "ESP":
                protocol = SecurityProtocol.Esp;
                return true;
            case "AH":
                protocol = SecurityProtocol.Ah;
                return true;
            default:
                protocol = SecurityProtocol.Tcp;
                return false;
        }
    }
}
