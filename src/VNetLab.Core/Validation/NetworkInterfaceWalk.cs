using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Validation;

/// <summary>One rule's walk over the NICs of one estate (<see cref="IWalksNetworkInterfaces"/>): what it keeps between NICs is its own.</summary>
internal abstract class NetworkInterfaceWalk
{
    /// <summary>Takes the next NIC of the estate, in the estate's order.</summary>
    public abstract void Visit(NetworkInterface nic);

    /// <summary>The rule's findings, once every NIC has been visited.</summary>
    public abstract IEnumerable<Diagnostic> Findings();

    /// <summary>The findings of a walk over every NIC of <paramref name="estate"/> at once: the rule run alone.</summary>
    public static IEnumerable<Diagnostic> Over(IWalksNetworkInterfaces rule, Estate estate)
    {
        var walk = rule.StartWalk(estate);
        foreach (var nic in estate.NetworkInterfaces)
        {
            walk.Visit(nic);
        }

        return walk.Findings();
    }
}
