using VNetLab.Model;

namespace VNetLab.Validation.Rules.Nsg;

/// <summary>An IP configuration in an application security group, with the NIC that lists it.</summary>
internal readonly record struct AsgMember(NetworkInterfaceIpConfiguration IpConfiguration, NetworkInterface Holder);
