namespace VNetLab.Model;

/// <summary>Microsoft.Network/applicationSecurityGroups: a named group of NIC IP configurations used in NSG rules.</summary>
public sealed record ApplicationSecurityGroup : TrackedResource;
