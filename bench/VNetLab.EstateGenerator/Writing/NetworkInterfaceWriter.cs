namespace VNetLab.EstateGenerator.Writing;

/// <summary>A NIC with one IP configuration and the VM it belongs to: the unit the estate has hundreds of thousands of.</summary>
internal static class NetworkInterfaceWriter
{
    /// <summary>A VM's NIC is named after it, as the portal names it.</summary>
    public static string NicName(string vmName) => vmName + "-nic01";

    public static void Write(ArmJsonWriter writer, string subscription, string resourceGroup, string location,
        string vmName, string vmSize, string subnetId, uint privateAddress, string? applicationSecurityGroupId)
    {
        var nicName = NicName(vmName);
        var nicId = ArmIds.Of(subscription, resourceGroup, ArmIds.NetworkInterfaces, nicName);
        var vmId = ArmIds.Of(subscription, resourceGroup, ArmIds.VirtualMachines, vmName);
        var json = writer.Json;

        writer.BeginResource(nicId, nicName, ArmIds.NetworkInterfaces, location, resourceGroup);
        json.WriteStartArray("ipConfigurations");
        writer.BeginChild(ArmIds.Child(nicId, "ipConfigurations", "ipconfig1"), "ipconfig1", ArmIds.IpConfigurations);
        json.WriteString("privateIPAddress", Ipv4.Format(privateAddress));
        json.WriteString("privateIPAllocationMethod", "Dynamic");
        json.WriteString("privateIPAddressVersion", "IPv4");
        writer.Reference("subnet", subnetId);
        json.WriteBoolean("primary", true);
        if (applicationSecurityGroupId is not null)
        {
            writer.References("applicationSecurityGroups", [applicationSecurityGroupId]);
        }

        writer.End();
        json.WriteEndArray();
        json.WriteBoolean("enableAcceleratedNetworking", true);
        json.WriteBoolean("enableIPForwarding", false);
        writer.Reference("virtualMachine", vmId);
        json.WriteBoolean("primary", true);
        json.WriteString("nicType", "Standard");
        writer.End();
        writer.Tally.NetworkInterfaces++;

        writer.BeginResource(vmId, vmName, ArmIds.VirtualMachines, location, resourceGroup);
        json.WriteStartObject("hardwareProfile");
        json.WriteString("vmSize", vmSize);
        json.WriteEndObject();
        json.WriteStartObject("networkProfile");
        json.WriteStartArray("networkInterfaces");
        json.WriteStartObject();
        json.WriteString("id", nicId);
        json.WriteStartObject("properties");
        json.WriteBoolean("primary", true);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        writer.End();
        writer.Tally.VirtualMachines++;
    }
}
