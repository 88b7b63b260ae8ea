using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using VNetLab.Diagnostics;

namespace VNetLab.Arm.Sarif;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), which CI
/// systems show inline: one run whose driver lists a rule per VNL code present (help link = the code's
/// anchor in docs/diagnostics.md), one result per diagnostic with the file as artifact location and the
/// JSON path and resource id as logical locations. Azure's code, the resource id and the fix travel in
/// property bags.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string Version = "2.1.0";
    public const string ToolName = "VNetLab";

    private static readonly JsonWriterOptions _writerOptions = new()
    {
        Indented = true,

        // Azure's messages keep their quotes and '+' readable; SARIF is never embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The SARIF log as text.</summary>
    /// <param name="diagnostics">The findings, in the order they should appear.</param>
    /// <param name="toolVersion">VNetLab's version, for <c>tool.driver.version</c>.</param>
    /// <param name="docsBaseUri">
    /// Where docs/diagnostics.md is published (e.g. the repository's web URL); help links are then absolute.
    /// Without it they are the relative anchors <c>docs/diagnostics.md#vnl1001</c>.
    /// </param>
    public static string Serialize(IEnumerable<Diagnostic> diagnostics, string toolVersion, Uri? docsBaseUri = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, _writerOptions))
        {
            Write(writer, [.. diagnostics], toolVersion, docsBaseUri);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<Diagnostic> diagnostics, string toolVersion, Uri? docsBaseUri = null)
    {
        var rules = diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Code, index)).ToDictionary(p => p.Code, p => p.index, StringComparer.Ordinal);

        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", Version);
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", ToolName);
        writer.WriteString("version", toolVersion);
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(writer, rule, docsBaseUri);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartArray("results");
        foreach (var diagnostic in diagnostics)
        {
            WriteResult(writer, diagnostic, ruleIndex[diagnostic.Code]);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>SARIF's level for a severity: error, warning, note.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The help link of a code: its anchor in docs/diagnostics.md, absolute when a base is given.</summary>
    public static string HelpUri(DiagnosticDescriptor descriptor, Uri? docsBaseUri) =>
        docsBaseUri is null ? descriptor.DocsAnchor : new Uri(docsBaseUri, descriptor.DocsAnchor).AbsoluteUri;

    /// <summary>
    /// A file path as a SARIF artifact URI: an absolute path becomes a <c>file://</c> URI; a relative one keeps
    /// its segments, separated by '/' and escaped, so that CI systems resolve it against the checkout.
    /// </summary>
    public static string ArtifactUri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        var segments = path.Replace('\\', '/').Split('/').Where(s => s.Length > 0 && s != ".").Select(Uri.EscapeDataString);
        return string.Join('/', segments);
    }

    private static void WriteRule(Utf8JsonWriter writer, DiagnosticDescriptor rule, Uri? docsBaseUri)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Code);
        writer.WriteString("name", RuleName(rule.Title));
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", rule.Title);
        writer.WriteEndObject();
        writer.WriteStartObject("fullDescription");
        writer.WriteString("text", rule.MessageTemplate);
        writer.WriteEndObject();
        writer.WriteStartObject("help");
        writer.WriteString("text", rule.FixTemplate);
        writer.WriteEndObject();
        writer.WriteString("helpUri", HelpUri(rule, docsBaseUri));
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", Level(rule.Severity));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        if (rule.AzureCode is { } azureCode)
        {
            writer.WriteString("azureCode", azureCode);
        }
        else
        {
            writer.WriteNull("azureCode");
        }

        writer.WriteBoolean("azureText", rule.IsAzureText);
        writer.WriteString("fact", rule.Fact);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic diagnostic, int ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Code);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", Level(diagnostic.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", diagnostic.Message);
        writer.WriteEndObject();

        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        if (diagnostic.Location is { } at)
        {
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", ArtifactUri(at.File));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("logicalLocations");
        if (diagnostic.Location is { } path)
        {
            writer.WriteStartObject();
            writer.WriteString("fullyQualifiedName", path.JsonPath);
            writer.WriteString("kind", "object");
            writer.WriteEndObject();
        }

        if (diagnostic.ResourceId is { } resource)
        {
            writer.WriteStartObject();
            writer.WriteString("name", resource.Name);
            writer.WriteString("fullyQualifiedName", resource.Value);
            writer.WriteString("kind", "resource");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (diagnostic.Location is { } jsonPath)
        {
            writer.WriteStartObject("properties");
            writer.WriteString("jsonPath", jsonPath.JsonPath);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartObject("properties");
        if (diagnostic.AzureCode is { } azureCode)
        {
            writer.WriteString("azureCode", azureCode);
        }
        else
        {
            writer.WriteNull("azureCode");
        }

        if (diagnostic.ResourceId is { } id)
        {
            writer.WriteString("resourceId", id.Value);
        }
        else
        {
            writer.WriteNull("resourceId");
        }

        writer.WriteString("fix", diagnostic.Fix);
        writer.WriteString("fact", diagnostic.Fact);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // SARIF rule names are identifiers in PascalCase ("SubnetOutsideTheVnetsAddressSpace").
    private static string RuleName(string title)
    {
        var name = new StringBuilder(title.Length);
        var upper = true;
        foreach (var c in title)
        {
            if (c == '\'')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return name.ToString();
    }
}
