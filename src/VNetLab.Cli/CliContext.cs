using Spectre.Console;

namespace VNetLab.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, messages to <see cref="Error"/>; text tables through <see cref="Console"/>.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;

        // Colour and ANSI only on a real terminal: piped output and tests get plain text.
        var isTerminal = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!isTerminal)
        {
            // Plain output is for pipes and grep: never wrap a message mid-sentence.
            Console.Profile.Width = 4096;
        }
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }
}
