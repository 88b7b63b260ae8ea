using VNetLab.Model;

namespace VNetLab.Security;

/// <summary>The entry point of the security engine: compiles an estate's NSGs for the questions asked of them.</summary>
public static class SecurityCompiler
{
    /// <summary>
    /// Prepares the estate for security questions. Work is done lazily and cached: an NSG is compiled once per
    /// <c>VirtualNetwork</c> context (subnets with the same tag share it), a NIC once.
    /// </summary>
    public static CompiledSecurity Compile(Estate estate, SecurityOptions? options = null) => new(estate, options ?? SecurityOptions.Default);
}
