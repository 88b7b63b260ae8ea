namespace VNetLab.Analysis.Diff;

public enum RowChangeKind
{
    Added,
    Removed,
    Changed,
}
