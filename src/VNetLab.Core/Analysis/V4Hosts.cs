using VNetLab.Model;

namespace VNetLab.Analysis;

/// <summary>
/// The IPv4 addresses NICs and firewalls hold, ascending, and the holder of each at the same index
/// (<see cref="EstateAddresses.HostsV4"/>). Shared and never written once built.
/// </summary>
internal sealed record V4Hosts(uint[] Addresses, Resource[] Holders);
