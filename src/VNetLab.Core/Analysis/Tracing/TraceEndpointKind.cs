namespace VNetLab.Analysis.Tracing;

public enum TraceEndpointKind
{
    NetworkInterface,
    Subnet,
    ExternalSite,
    Internet,
}
