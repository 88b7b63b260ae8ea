using System.Text.RegularExpressions;

namespace VNetLab.Analysis.Policies;

/// <summary>Name patterns with <c>*</c> (any run of characters) and <c>?</c> (one character), matched whole and case-insensitively, as Azure names compare.</summary>
public static class NamePattern
{
    public static bool Matches(string pattern, string name) =>
        pattern == "*" || Regex.IsMatch(name, ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string ToRegex(string pattern) =>
        "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
}
