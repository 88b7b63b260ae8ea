using VNetLab.Model;
using VNetLab.Routing;

namespace VNetLab.Cli.Commands;

/// <summary>What a routing command works on: the loaded estate and the routing options from its command line.</summary>
internal sealed record RoutingInput(Estate Estate, RoutingOptions Options)
{
    public CompiledRouting Compile() => RoutingCompiler.Compile(Estate, Options);
}
