namespace VNetLab.Security;

/// <summary>
/// An IP protocol an NSG rule can name, spelled as Azure's <c>SecurityRuleProtocol</c> values (<c>Tcp</c>,
/// <c>Udp</c>, <c>Icmp</c>, <c>Esp</c>, <c>Ah</c>); <c>*</c> is the whole <see cref="ProtocolSet"/>
/// (shared/azure/constraints.md 7.11, semantics.md §4.1).
/// </summary>
public enum SecurityProtocol : byte
{
    Tcp = 0,
    Udp = 1,
    Icmp = 2,
    Esp = 3,
    Ah = 4,
}
