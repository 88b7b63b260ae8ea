using VNetLab.Analysis.Diff;

namespace VNetLab.Core.Tests.Analysis.Diff;

public sealed class RowDiffTests
{
    [Fact]
    public void Only_added_removed_and_changed_rows_come_out_sorted_by_key()
    {
        var before = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" };
        var after = new Dictionary<string, string> { ["c"] = "3", ["b"] = "20", ["d"] = "4" };

        var changes = RowDiff.Compare(before, after, StringComparer.Ordinal);

        Assert.Equal(["a Removed 1 ", "b Changed 2 20", "d Added  4"], changes.Select(c => $"{c.Key} {c.Kind} {c.Before} {c.After}"));
    }

    [Fact]
    public void Identical_tables_have_no_changes()
    {
        var rows = new Dictionary<(string, string), string> { [("x", "y")] = "Tcp *" };

        Assert.Empty(RowDiff.Compare(rows, rows, Comparer<(string, string)>.Default));
    }
}
