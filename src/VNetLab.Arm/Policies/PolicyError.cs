namespace VNetLab.Arm.Policies;

/// <summary>Why a policy file cannot be used: the file, the YAML path of the offending node (<c>assertions[2].to</c>), its line, and what to write instead.</summary>
public sealed record PolicyError(string File, string Path, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Path}: {Message}";
}
