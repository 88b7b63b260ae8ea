namespace VNetLab.EstateGenerator.Writing;

/// <summary>One side of a VNet peering, as an export shows it once both sides exist: Connected and in sync.</summary>
internal static class PeeringWriter
{
    public static void Write(ArmJsonWriter writer, string vnetId, string name, string remoteVnetId, Ipv4Prefix remoteAddressSpace,
        bool allowForwardedTraffic, bool allowGatewayTransit, bool useRemoteGateways)
    {
        var json = writer.Json;
        writer.BeginChild(ArmIds.Child(vnetId, "virtualNetworkPeerings", name), name, ArmIds.VirtualNetworkPeerings);
        json.WriteString("peeringState", "Connected");
        json.WriteString("peeringSyncLevel", "FullyInSync");
        writer.Reference("remoteVirtualNetwork", remoteVnetId);
        json.WriteBoolean("allowVirtualNetworkAccess", true);
        json.WriteBoolean("allowForwardedTraffic", allowForwardedTraffic);
        json.WriteBoolean("allowGatewayTransit", allowGatewayTransit);
        json.WriteBoolean("useRemoteGateways", useRemoteGateways);
        json.WriteBoolean("doNotVerifyRemoteGateways", false);
        writer.AddressSpace("remoteAddressSpace", [remoteAddressSpace]);
        writer.End();
        writer.Tally.VirtualNetworkPeerings++;
    }
}
