namespace VNetLab.Addressing;

public static class IpFamilyExtensions
{
    /// <summary>32 for IPv4, 128 for IPv6.</summary>
    public static int BitLength(this IpFamily family) => family == IpFamily.V4 ? 32 : 128;
}
