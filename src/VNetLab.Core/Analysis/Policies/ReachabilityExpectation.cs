namespace VNetLab.Analysis.Policies;

/// <summary><c>reachable</c>: every packet gets through; <c>unreachable</c>: none does.</summary>
public enum ReachabilityExpectation
{
    Reachable,
    Unreachable,
}
