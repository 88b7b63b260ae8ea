namespace VNetLab.Analysis.Tracing;

/// <summary>The success and failure subsets of <see cref="FlowDisposition"/>.</summary>
public static class FlowDispositionExtensions
{
    /// <summary>True when the packet left the traced network the way it was meant to: delivered, or handed to the Internet or an external site.</summary>
    public static bool IsSuccess(this FlowDisposition disposition) =>
        disposition is FlowDisposition.Delivered or FlowDisposition.ExitedToInternet or FlowDisposition.ExitedToExternalSite;

    public static bool IsFailure(this FlowDisposition disposition) => !disposition.IsSuccess();
}
