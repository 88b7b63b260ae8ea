namespace VNetLab.Testing;

/// <summary>Paths inside the repository, found from the test binaries by walking up to VNetLab.slnx.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> _root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VNetLab.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("VNetLab.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => _root.Value;

    public static string Examples => Path.Combine(Root, "examples");

    public static string Example(string name) => Path.Combine(Examples, name);

    /// <summary>The names of the examples that hold an estate folder, in ordinal order (the tests' theory data).</summary>
    public static IEnumerable<string> ExampleNames() =>
        Directory.GetDirectories(Examples).Where(d => Directory.Exists(Path.Combine(d, "estate"))).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal);

    public static string Source(params string[] parts) => Path.Combine([Root, "src", .. parts]);
}
