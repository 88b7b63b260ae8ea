namespace VNetLab.EstateGenerator;

/// <summary>A NIC worth asking about (<c>vnetlab routes --nic ID</c>), with what makes it interesting.</summary>
public sealed record SampleNetworkInterface(string Label, string Id, string PrivateIpAddress);
