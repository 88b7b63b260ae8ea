using VNetLab.Addressing;
using VNetLab.Analysis.Tracing;

namespace VNetLab.Analysis.Policies;

/// <summary>One place packets start from, with the addresses they carry: a NIC (its private IPs), a subnet without NICs (its ranges), an external site (its address space).</summary>
/// <param name="Group">The subnet (<c>VNET/SUBNET</c>), site or <c>internet</c> the endpoint belongs to: the row of the reach matrix.</param>
/// <param name="Endpoint">Where traces start.</param>
/// <param name="Addresses">The source addresses of its packets.</param>
public sealed record SourceEndpoint(string Group, TraceEndpoint Endpoint, AddressSet Addresses);
