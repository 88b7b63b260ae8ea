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

    /// <summary><c>--nic NIC</c>: a network interface, by name or resource id.</summary>
    public static Option<string> NetworkInterface(string purpose) => new("--nic")
    {
        Description = $"The network interface {purpose}: its name or full resource id.",
        Required = true,
    };

    /// <summary><c>--service-tags FILE</c>: Azure's ServiceTags_Public JSON, to expand tags beyond the documented few.</summary>
    public static Option<string?> ServiceTags() => new("--service-tags")
    {
        Description = "Azure's service tags file (ServiceTags_Public_*.json or `az network list-service-tags` output) to expand tags such as Storage.WestEurope.",
    };

    /// <summary><c>--explain</c>: say why, rule by rule.</summary>
    public static Option<bool> Explain(string what) => new("--explain")
    {
        Description = what,
    };
}
