using VNetLab.Diagnostics;
using VNetLab.Testing;

namespace VNetLab.Core.Tests.Catalogue;

/// <summary>
/// docs/diagnostics.md is the catalogue rendered: this fails when the two differ (after a merge that adds
/// codes too). VNETLAB_UPDATE_GOLDEN=1 rewrites the file.
/// </summary>
public sealed class DiagnosticsDocumentTests
{
    private static string DocsPath => Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md");

    [Fact]
    public void DiagnosticsMarkdown_MatchesTheCatalogue() => Golden.AssertMatches(DocsPath, DiagnosticCatalogMarkdown.Render());

    [Fact]
    public void EveryCode_HasASectionAtItsAnchor()
    {
        var markdown = DiagnosticCatalogMarkdown.Render();
        foreach (var d in DiagnosticCatalog.All)
        {
            // GitHub derives the anchor #vnl1001 from the heading "## VNL1001".
            Assert.Contains("\n## " + d.Code + "\n", markdown, StringComparison.Ordinal);
            Assert.Contains("](#" + d.Code.ToLowerInvariant() + ")", markdown, StringComparison.Ordinal);
        }
    }
}
