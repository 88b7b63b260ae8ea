namespace VNetLab.Arm.Import;

/// <summary>Turns the PATH arguments into the ordered list of files to read (folders recursively, sorted for a stable order).</summary>
internal static class InputFiles
{
    /// <summary>The problem reported for a folder that holds no estate file.</summary>
    public const string NoEstateFiles = "no estate files";

    private static readonly string[] _extensions = [".json", ".yaml", ".yml"];

    public static bool IsEstateFile(string path) =>
        _extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<(string Path, string? Problem)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return (path, null);
            }
            else if (Directory.Exists(path))
            {
                string[] files;
                string? problem = null;
                try
                {
                    files = [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(IsEstateFile)
                        .OrderBy(f => f, StringComparer.Ordinal)];
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    files = [];
                    problem = e.Message;
                }

                if (files.Length == 0)
                {
                    yield return (path, problem ?? NoEstateFiles);
                }

                foreach (var file in files)
                {
                    yield return (file, null);
                }
            }
            else
            {
                yield return (path, "no such file or folder");
            }
        }
    }
}
