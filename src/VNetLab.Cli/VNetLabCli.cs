using System.CommandLine;
using VNetLab.Cli.Commands;

namespace VNetLab.Cli;

/// <summary>
/// The <c>vnetlab</c> command. Exit codes (CONTRACT.md): 0 answered; 1 a gate command found a problem;
/// 2 the input or the arguments are unusable; 3 an internal error (a bug in VNetLab, never a stack trace).
/// </summary>
public static class VNetLabCli
{
    public const int Success = 0;
    public const int ProblemFound = 1;
    public const int UnusableInput = 2;
    public const int InternalError = 3;

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("VNetLab: a digital twin of Azure virtual networking. Validates a network as Azure would, "
            + "computes effective routes and security rules, and traces packets, offline.");
        foreach (var command in Commands(context))
        {
            root.Add(command);
        }

        return root;
    }

    // Every verb, one file each under Commands/, in CONTRACT.md's order.
    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        ValidateCommand.Create(context),
        RoutesCommand.Create(context),
        SecurityRulesCommand.Create(context),
        NextHopCommand.Create(context),
        FlowCommand.Create(context),
        TraceCommand.Create(context),
        VerifyCommand.Create(context),
        DiffCommand.Create(context),
        ReachCommand.Create(context),
        NsgAuditCommand.Create(context),
        InspectCommand.Create(context),
        GenerateCommand.Create(context),
    ];

    /// <summary>Runs the CLI in-process with the given writers (the tests use this; Program passes the console).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdout, stderr);
        if (args is ["--version"])
        {
            // VNetLab's own version, also when hosted in-process (System.CommandLine would report the host's).
            stdout.WriteLine(Version);
            return Success;
        }

        try
        {
            var parseResult = BuildRoot(context).Parse(args);
            if (parseResult.Errors.Count > 0 && !IsHelpOrVersion(args))
            {
                foreach (var error in parseResult.Errors)
                {
                    stderr.WriteLine("error: " + error.Message);
                }

                stderr.WriteLine("Run 'vnetlab --help' (or 'vnetlab <command> --help') for usage.");
                return UnusableInput;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input: say so in one line, without a stack trace.
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in VNetLab; please report it with the command line and the input.");
            return InternalError;
        }
    }

    /// <summary>The informational version of VNetLab (e.g. <c>0.1.0+commit</c>).</summary>
    public static string Version =>
        typeof(VNetLabCli).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";

    private static bool IsHelpOrVersion(string[] args) =>
        args.Any(a => a is "--help" or "-h" or "-?" or "--version");
}
