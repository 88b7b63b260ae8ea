namespace VNetLab.Testing;

/// <summary>
/// Golden-file comparison (STYLE.md 6.6): the expected text lives in a file in the repository; setting
/// VNETLAB_UPDATE_GOLDEN=1 rewrites it instead of comparing, and a failure prints the command to see the diff.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("VNETLAB_UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string expectedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath) ?? ".");
            File.WriteAllText(expectedPath, actual);
            return;
        }

        if (!File.Exists(expectedPath))
        {
            throw new Xunit.Sdk.XunitException($"Golden file {expectedPath} does not exist; run with VNETLAB_UPDATE_GOLDEN=1 to create it, then review it.");
        }

        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            var actualPath = Path.Combine(Path.GetTempPath(), "vnetlab-actual-" + Path.GetFileName(expectedPath));
            File.WriteAllText(actualPath, actual);
            throw new Xunit.Sdk.XunitException(
                $"Output differs from {expectedPath}.\nSee: git diff --no-index {expectedPath} {actualPath}\n"
                + $"Accept (after review): VNETLAB_UPDATE_GOLDEN=1 dotnet test");
        }
    }
}
