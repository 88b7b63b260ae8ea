namespace VNetLab.EstateGenerator.Planning;

/// <summary>The application tier a spoke subnet holds; its NICs join the tier's application security group.</summary>
internal enum Tier
{
    Web,
    App,
    Db,
}

/// <summary>One spoke subnet: its name, prefix and tier.</summary>
internal sealed record SubnetPlan(string Name, Ipv4Prefix Prefix, Tier Tier);
