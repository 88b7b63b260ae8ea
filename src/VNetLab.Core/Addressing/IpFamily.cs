namespace VNetLab.Addressing;

/// <summary>The address family of an <see cref="IpAddress"/> or <see cref="IpPrefix"/>.</summary>
public enum IpFamily : byte
{
    V4 = 4,
    V6 = 6,
}
