namespace VNetLab.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what a user would see (as Bicep's CLI tests do).</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = VNetLabCli.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>No .NET stack trace ever reaches the user.</summary>
    public bool HasStackTrace =>
        System.Text.RegularExpressions.Regex.IsMatch(Stdout + Stderr, @"^\s+at [A-Za-z_][\w.`<>\[\],]*\(", System.Text.RegularExpressions.RegexOptions.Multiline)
        || (Stdout + Stderr).Contains("Unhandled exception", StringComparison.Ordinal);
}
