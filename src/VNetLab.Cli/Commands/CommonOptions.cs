using System.CommandLine;

namespace VNetLab.Cli.Commands;

/// <summary>Arguments and options shared by the commands, built fresh for each command.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Paths() => new("PATH")
    {
        Description = "Files or folders (read recursively: *.json, *.yaml, *.yml) that together form the estate.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary><c>--format</c> with the given choices; the first is the default.</summary>
    public static Option<string> Format(params string[] choices)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join(", ", choices) + ".",
            DefaultValueFactory = _ => choices[0],
        };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }
}
