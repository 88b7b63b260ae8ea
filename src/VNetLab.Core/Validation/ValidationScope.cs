namespace VNetLab.Validation;

/// <summary>
/// How a rule's findings divide, so that <see cref="Validator.Revalidate"/> re-runs only the part a change reaches
/// (see <see cref="ValidationReads"/>).
/// </summary>
public enum ValidationScope
{
    /// <summary>Any change to a resource of a type the rule reads can change any finding: the rule re-runs in full.</summary>
    Estate,

    /// <summary>
    /// Per subject (one top-level resource of the rule's subject type, children included): a subject's findings
    /// read that subject only. A changed subject re-runs for itself; a change to another type the rule reads
    /// re-runs the rule in full.
    /// </summary>
    Resource,

    /// <summary>
    /// Per subject, reading the VNets around it: a VNet subject reads itself, the VNets within
    /// <see cref="ValidationReads.Hops"/> peerings of it (either direction), and the resources of the types the rule
    /// reads that are anchored in those VNets (NICs in their subnets, gateways, firewalls, the route tables and NSGs
    /// their subnets or NICs associate). A route table or NSG subject reads itself and what a VNet subject would read
    /// for the VNets whose subnets associate it. A change re-runs the subjects whose VNets it is anchored in or near;
    /// a change to a read type that no VNet anchors (a circuit, a local network gateway, a connection, a public IP,
    /// an ASG, an external site) re-runs the rule in full.
    /// </summary>
    Neighbourhood,
}
