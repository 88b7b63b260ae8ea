using System.Text;
using Spectre.Console;
using VNetLab.Analysis.Reachability;

namespace VNetLab.Cli.Rendering;

/// <summary>
/// The reach matrix as the plain table Spectre.Console draws for it (square border, one space of padding, each
/// column as wide as its widest cell), without holding the rows: they are spooled to a temporary file as they come
/// while the column widths are measured, then drawn from it, so a matrix of millions of rows costs disk, not memory.
/// A terminal (colours, its own width), a table wider than the console, or text Spectre could measure differently
/// (anything but printable ASCII) gets Spectre's own table from the spool instead.
/// </summary>
internal static class ReachTableWriter
{
    private static readonly string[] _headers = ["source", "destination", "reachable on", "ends"];

    public static void Write(IAnsiConsole console, TextWriter output, IEnumerable<ReachRow> rows)
    {
        using var spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var widths = _headers.Select(h => h.Length).ToArray();
        var count = 0L;
        var plain = true;
        using (var writer = new BinaryWriter(spool, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                string[] cells = [row.Source, row.Destination, row.Summary, string.Join(", ", row.Cells.Select(c => c.Exits).Distinct())];
                for (var i = 0; i < cells.Length; i++)
                {
                    widths[i] = Math.Max(widths[i], cells[i].Length);
                    plain &= cells[i].All(c => c is >= ' ' and < '\x7f');
                    writer.Write(cells[i]);
                }

                count++;
            }
        }

        if (count == 0)
        {
            console.WriteLine("Nothing reaches anything selected.");
            return;
        }

        spool.Position = 0;
        using var reader = new BinaryReader(spool, Encoding.UTF8, leaveOpen: true);
        var tableWidth = widths.Sum() + (3 * widths.Length) + 1;
        if (!plain || console.Profile.Capabilities.Ansi || tableWidth > console.Profile.Width)
        {
            var table = new Table().AddColumn("source").AddColumn("destination").AddColumn("reachable on").AddColumn("ends");
            for (var i = 0L; i < count; i++)
            {
                table.AddRow(Markup.Escape(reader.ReadString()), Markup.Escape(reader.ReadString()), Markup.Escape(reader.ReadString()), Markup.Escape(reader.ReadString()));
            }

            console.Write(table);
            return;
        }

        output.WriteLine(Border(widths, '┌', '┬', '┐'));
        output.WriteLine(Line(widths, _headers));
        output.WriteLine(Border(widths, '├', '┼', '┤'));
        var line = new string[_headers.Length];
        for (var i = 0L; i < count; i++)
        {
            for (var j = 0; j < line.Length; j++)
            {
                line[j] = reader.ReadString();
            }

            output.WriteLine(Line(widths, line));
        }

        output.WriteLine(Border(widths, '└', '┴', '┘'));
    }

    private static string Border(int[] widths, char left, char middle, char right) =>
        left + string.Join(middle, widths.Select(w => new string('─', w + 2))) + right;

    private static string Line(int[] widths, string[] cells) =>
        "│ " + string.Join(" │ ", cells.Select((c, i) => c.PadRight(widths[i]))) + " │";
}
