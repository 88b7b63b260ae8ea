using Spectre.Console;
using VNetLab.Diagnostics;

namespace VNetLab.Cli.Rendering;

/// <summary>
/// Fidelity notes (VNL9xxx) and other remarks that come with an answer: after the answer in text output, on stderr
/// when stdout carries JSON (so the JSON stays exactly Azure's shape).
/// </summary>
internal static class NotesRenderer
{
    public static void Write(CliContext context, IEnumerable<Diagnostic> notes, bool toStderr)
    {
        var distinct = notes.Distinct().OrderBy(n => n.Code, StringComparer.Ordinal).ThenBy(n => n.Message, StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        if (toStderr)
        {
            foreach (var note in distinct)
            {
                context.Error.WriteLine($"note {note.Code}: {note.Message}");
            }

            return;
        }

        context.Console.WriteLine();
        context.Console.MarkupLine("[bold]notes[/]");
        foreach (var note in distinct)
        {
            context.Console.MarkupLine($"  [blue]{note.Code}[/] {Markup.Escape(note.Message)}");
        }
    }
}
