using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;
using VNetLab.Security;

namespace VNetLab.Arm.ServiceTags;

/// <summary>
/// Reads Azure's published service tags file (<c>ServiceTags_Public_YYYYMMDD.json</c>, or the output of
/// <c>az network list-service-tags</c>): <c>{ "changeNumber": 1, "cloud": "Public", "values": [ { "name":
/// "Storage.WestEurope", "properties": { "addressPrefixes": [ ... ] } } ] }</c>. Every tag is kept under its
/// <c>name</c>; the built-in tags (<c>Internet</c>, <c>AzureLoadBalancer</c>, platform tags) are added.
/// </summary>
public static class ServiceTagsReader
{
    public static ServiceTagsReadResult Read(string path)
    {
        var at = new SourceLocation(path, "$");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new(null, [DiagnosticCatalog.PathNotFound(at, e.Message)]);
        }

        return Parse(text, path);
    }

    /// <summary>Reads the file's text; <paramref name="path"/> names it in diagnostics and in <see cref="ServiceTagSet.Source"/>.</summary>
    public static ServiceTagsReadResult Parse(string text, string path)
    {
        var at = new SourceLocation(path, "$");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return new(null, [DiagnosticCatalog.MalformedJson(at, e.Message, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1)]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                return new(null, [DiagnosticCatalog.UnsupportedDocument(at,
                    "a service tags file is an object with a 'values' array, as in Azure's ServiceTags_Public JSON")]);
            }

            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            var tags = new List<ServiceTag>();
            var index = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (ReadTag(value, at.Property("values").Index(index), diagnostics) is { } tag)
                {
                    tags.Add(tag);
                }

                index++;
            }

            var changeNumber = root.TryGetProperty("changeNumber", out var change) && change.ValueKind == JsonValueKind.Number
                ? " change " + change.GetInt64().ToString(CultureInfo.InvariantCulture)
                : string.Empty;
            return new(ServiceTagSet.WithBuiltIns(tags, $"{Path.GetFileName(path)}{changeNumber}"), diagnostics.ToImmutable());
        }
    }

    private static ServiceTag? ReadTag(JsonElement value, SourceLocation at, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(name.GetString()))
        {
            diagnostics.Add(DiagnosticCatalog.MissingRequiredField(at, null, "service tag", "name"));
            return null;
        }

        if (!value.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("addressPrefixes", out var prefixes) || prefixes.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Add(DiagnosticCatalog.MissingRequiredField(at, null, "service tag", "properties.addressPrefixes"));
            return null;
        }

        var parsed = new List<IpPrefix>();
        var i = 0;
        foreach (var prefix in prefixes.EnumerateArray())
        {
            var prefixText = prefix.ValueKind == JsonValueKind.String ? prefix.GetString() ?? string.Empty : prefix.ToString();
            if (IpPrefix.TryParseAddressOrPrefix(prefixText, out var ip, out _))
            {
                parsed.Add(ip);
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.InvalidAddressPrefix(at.Property("properties").Property("addressPrefixes").Index(i), null, prefixText));
            }

            i++;
        }

        return new ServiceTag(name.GetString() ?? string.Empty, parsed);
    }
}
