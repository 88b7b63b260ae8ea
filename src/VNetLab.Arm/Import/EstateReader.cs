using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using VNetLab.Arm.Import.Mappers;
using VNetLab.Arm.Templates;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>
/// Reads the estate from files and folders: one resource, an array, an ARM list (<c>value</c>), a
/// Resource Graph result (<c>data</c>) or a deployment template (CONTRACT.md). Children may be inline or
/// separate; separate children are merged into their parents. Every problem is a VNL0xxx diagnostic with
/// the file and JSON path; nothing is thrown to the caller and no file is written.
/// </summary>
public static class EstateReader
{
    private static readonly JsonDocumentOptions _jsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = 256,
    };

    public static ImportResult Read(IEnumerable<string> paths, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var pool = new ImportPool();
        var sink = new DiagnosticSink(pool);
        var collector = new ResourceCollector(sink);
        var files = ImmutableArray.CreateBuilder<string>();
        var inputs = InputFiles.Expand(paths).ToList();

        // Files are parsed and mapped in parallel (each one's JSON is released as soon as it is mapped, so
        // memory follows the files in flight, not the estate), then replayed in input order.
        var readings = new FileReading?[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            if (inputs[i].Problem is null)
            {
                readings[i] = ReadFile(inputs[i].Path, options, pool);
            }
        });

        for (var i = 0; i < inputs.Count; i++)
        {
            var (path, problem) = inputs[i];
            var at = new SourceLocation(path, "$");
            if (problem == InputFiles.NoEstateFiles)
            {
                sink.Add(DiagnosticCatalog.NoInputFiles(at, path));
                continue;
            }

            if (problem is not null)
            {
                sink.Add(DiagnosticCatalog.PathNotFound(at, problem));
                continue;
            }

            files.Add(path);
            readings[i]?.ReplayInto(sink, collector);
            readings[i] = null;
        }

        return Finish(collector, sink, files.ToImmutable());
    }

    /// <summary>Reads one document from text already in memory (the server's request bodies, tests).</summary>
    public static ImportResult ReadText(string text, string fileName = "input.json", ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var pool = new ImportPool();
        var sink = new DiagnosticSink(pool);
        var collector = new ResourceCollector(sink);
        var reading = new FileReading(pool);
        if (Parse(text, fileName, reading.Sink) is { } document)
        {
            new DocumentWalker(fileName, options, reading).Walk(document);
        }

        reading.ReplayInto(sink, collector);
        return Finish(collector, sink, [fileName]);
    }

    private static FileReading ReadFile(string path, ImportOptions options, ImportPool pool)
    {
        var reading = new FileReading(pool);
        if (IsYaml(path))
        {
            if (ReadBytes(path, options, reading.Sink) is { } bytes && Parse(System.Text.Encoding.UTF8.GetString(bytes), path, reading.Sink) is { } yaml)
            {
                new DocumentWalker(path, options, reading).Walk(yaml);
            }

            return reading;
        }

        // The file's bytes come from the shared pool and its document is walked in place, then both are given
        // back: a typical estate file is a few hundred kilobytes, so a fresh array per file (and a clone of the
        // parsed document) would land on the large-object heap ten thousand times and force full collections.
        var buffer = ReadPooled(path, options, reading.Sink, out var length, out var pooled);
        if (buffer is null)
        {
            return reading;
        }

        try
        {
            using var document = ParseJsonDocument(buffer.AsMemory(0, length), path, reading.Sink);
            if (document is not null)
            {
                new DocumentWalker(path, options, reading).Walk(document.RootElement);
            }
        }
        finally
        {
            if (pooled)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return reading;
    }

    private static byte[]? ReadBytes(string path, ImportOptions options, DiagnosticSink sink)
    {
        var buffer = ReadPooled(path, options, sink, out var length, out var pooled);
        if (buffer is null || !pooled)
        {
            return buffer;
        }

        var bytes = buffer.AsSpan(0, length).ToArray();
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        return bytes;
    }

    private static byte[]? ReadPooled(string path, ImportOptions options, DiagnosticSink sink, out int length, out bool pooled)
    {
        var at = new SourceLocation(path, "$");
        length = 0;
        pooled = false;
        byte[]? rented = null;
        try
        {
            var size = new FileInfo(path).Length;
            if (size > options.MaxFileBytes)
            {
                sink.Add(DiagnosticCatalog.FileTooLarge(at, size, options.MaxFileBytes));
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            rented = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Clamp(size + 1, 1, Array.MaxLength));
            int read;
            while (length < rented.Length && (read = stream.Read(rented, length, rented.Length - length)) > 0)
            {
                length += read;
            }

            if (length == rented.Length)
            {
                // The file grew after its size was read (or is too large for one array): read it whole, as before.
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
                rented = null;
                var bytes = File.ReadAllBytes(path);
                length = bytes.Length;
                return bytes;
            }

            var result = rented;
            rented = null;
            pooled = true;
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Add(DiagnosticCatalog.PathNotFound(at, e.Message));
            return null;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Dangling references are input errors: the estate records them, the import reports them.
    private static ImportResult Finish(ResourceCollector collector, DiagnosticSink sink, ImmutableArray<string> files)
    {
        var estate = collector.Build();
        foreach (var reference in estate.UnresolvedReferences)
        {
            sink.Add(DiagnosticCatalog.UnresolvedReference(reference));
        }

        return new ImportResult(estate, sink.ToImmutable(), files);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static JsonDocument? ParseJsonDocument(ReadOnlyMemory<byte> utf8, string path, DiagnosticSink sink)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        try
        {
            return JsonDocument.Parse(utf8, _jsonOptions);
        }
        catch (JsonException e)
        {
            ReportMalformed(e, path, sink);
            return null;
        }
    }

    private static void ReportMalformed(JsonException e, string path, DiagnosticSink sink)
    {
        var detail = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
        sink.Add(DiagnosticCatalog.MalformedJson(new SourceLocation(path, "$"), detail, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
    }

    private static JsonElement? Parse(string text, string path, DiagnosticSink sink)
    {
        var at = new SourceLocation(path, "$");
        if (IsYaml(path))
        {
            try
            {
                var node = YamlToJson.Convert(text);
                return node is null ? null : JsonSerializer.SerializeToElement(node);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                sink.Add(DiagnosticCatalog.MalformedJson(at, "invalid YAML: " + e.Message, e.Start.Line, e.Start.Column));
                return null;
            }
            catch (InvalidCastException)
            {
                sink.Add(DiagnosticCatalog.MalformedJson(at, "YAML mapping keys must be plain text", 1, 1));
                return null;
            }
        }

        try
        {
            using var document = JsonDocument.Parse(text, _jsonOptions);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            ReportMalformed(e, path, sink);
            return null;
        }
    }

    /// <summary>Walks one document, finds its resource objects and hands them to the collector.</summary>
    private sealed class DocumentWalker(string path, ImportOptions options, FileReading reading)
    {
        private readonly DiagnosticSink _sink = reading.Sink;

        public void Walk(JsonElement root)
        {
            var at = new SourceLocation(path, "$");
            switch (root.ValueKind)
            {
                case JsonValueKind.Array:
                    WalkArray(root, at, template: null);
                    return;
                case JsonValueKind.Object:
                    break;
                default:
                    _sink.Add(DiagnosticCatalog.UnsupportedDocument(at, "the top level is " + JsonObjectReader.Describe(root)));
                    return;
            }

            var reader = new JsonObjectReader(root, at, null, _sink);
            if (IsTemplate(reader))
            {
                WalkTemplate(root, at);
            }
            else if (reader.TryGet("value", out var value) && value.ValueKind == JsonValueKind.Array)
            {
                WalkArray(value, at.Property("value"), template: null);
            }
            else if (reader.TryGet("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                WalkArray(data, at.Property("data"), template: null);
            }
            else if (reader.Has("type"))
            {
                WalkResource(root, at, template: null, parent: null);
            }
            else
            {
                _sink.Add(DiagnosticCatalog.UnsupportedDocument(at, "an object with no 'type', 'value', 'data' or template '$schema'"));
            }
        }

        private static bool IsTemplate(JsonObjectReader reader) =>
            (reader.String("$schema")?.Contains("deploymentTemplate", StringComparison.OrdinalIgnoreCase) ?? false)
            || (reader.Has("resources") && reader.Has("contentVersion"));

        private void WalkArray(JsonElement array, SourceLocation at, TemplateExpressionEvaluator? template)
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemAt = at.Index(index++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    _sink.Add(DiagnosticCatalog.WrongFieldType(itemAt, null, "a resource object", JsonObjectReader.Describe(item)));
                    continue;
                }

                WalkResource(item, itemAt, template, parent: null);
            }
        }

        private void WalkTemplate(JsonElement root, SourceLocation at)
        {
            var node = JsonObject.Create(root) ?? [];
            var evaluator = new TemplateExpressionEvaluator(node, options.DefaultSubscription, ResourceId.DefaultResourceGroup);
            if (root.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
            {
                WalkArray(resources, at.Property("resources"), evaluator);
            }
            else if (root.TryGetProperty("resources", out var other))
            {
                _sink.Add(DiagnosticCatalog.WrongFieldType(at.Property("resources"), null, "an array", JsonObjectReader.Describe(other)));
            }
        }

        private void WalkResource(JsonElement element, SourceLocation at, TemplateExpressionEvaluator? template, (string Type, string Name)? parent)
        {
            if (template is not null)
            {
                element = EvaluateTemplateValues(element, at, template);
            }

            var reader = new JsonObjectReader(element, at, null, _sink);
            var declaredType = reader.String("type");
            if (string.IsNullOrWhiteSpace(declaredType))
            {
                _sink.Add(DiagnosticCatalog.MissingRequiredField(at, null, "resource", "type"));
                return;
            }

            var name = reader.String("name");
            var fullType = declaredType;
            if (parent is { } p && !declaredType.Contains('/', StringComparison.Ordinal))
            {
                // A template child nested in its parent's 'resources' names only its own type and name.
                fullType = p.Type + "/" + declaredType;
                name = name is null ? null : p.Name + "/" + name;
            }

            var mapper = ResourceMappers.For(fullType);
            var id = ResolveId(reader, at, fullType, name);
            if (mapper is null)
            {
                if (!fullType.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase) || template is null)
                {
                    _sink.Add(DiagnosticCatalog.UnknownResourceType(at.Property("type"), id, declaredType));
                }
                else
                {
                    _sink.Add(DiagnosticCatalog.TemplateExpressionNotEvaluated(at, id, "Microsoft.Resources/deployments", "nested deployments are not expanded; pass their templates as separate files"));
                }

                return;
            }

            if (id is null)
            {
                return;
            }

            var context = new ResourceContext(id, new JsonObjectReader(element, at, id, _sink));
            if (mapper.Map(context) is { } resource)
            {
                reading.Add(resource, element);
            }

            if (template is not null && reader.TryGet("resources", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var child in children.EnumerateArray())
                {
                    var childAt = at.Property("resources").Index(index++);
                    if (child.ValueKind == JsonValueKind.Object)
                    {
                        WalkResource(child, childAt, template, (mapper.ResourceType, string.Join('/', id.Names)));
                    }
                }
            }
        }

        private ResourceId? ResolveId(JsonObjectReader reader, SourceLocation at, string fullType, string? name)
        {
            if (reader.IdText() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                return reader.ParseReference(text, at.Property("id"));
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                _sink.Add(DiagnosticCatalog.MissingRequiredField(at, null, fullType, "name"));
                return null;
            }

            var subscription = reader.String("subscriptionId") ?? options.DefaultSubscription;
            var group = reader.String("resourceGroup") ?? ResourceId.DefaultResourceGroup;
            var canonicalType = ResourceMappers.CanonicalType(fullType) ?? fullType;
            if (ResourceId.TryCreate(subscription, group, canonicalType, name, out var id))
            {
                return reader.Sink.Pool.Canonical(id);
            }

            _sink.Add(DiagnosticCatalog.InvalidResourceId(at.Property("name"), $"{canonicalType} named '{name}'"));
            return null;
        }

        /// <summary>Replaces template expressions by their values; what cannot be evaluated offline is reported and dropped.</summary>
        private JsonElement EvaluateTemplateValues(JsonElement element, SourceLocation at, TemplateExpressionEvaluator template)
        {
            var node = JsonNode.Parse(element.GetRawText());
            node = Evaluate(node, at, template);
            return JsonSerializer.SerializeToElement(node);
        }

        private JsonNode? Evaluate(JsonNode? node, SourceLocation at, TemplateExpressionEvaluator template)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var key in obj.Select(p => p.Key).ToList())
                    {
                        // Children are evaluated when they are walked, with their own paths.
                        if (key.Equals("resources", StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        var current = obj[key];
                        var evaluated = Evaluate(current, at.Property(key), template);
                        if (!ReferenceEquals(current, evaluated))
                        {
                            obj[key] = evaluated;
                        }
                    }

                    return obj;
                case JsonArray array:
                    for (int i = 0, original = 0; i < array.Count; i++, original++)
                    {
                        var current = array[i];
                        var evaluated = Evaluate(current, at.Index(original), template);
                        if (evaluated is null && current is not null)
                        {
                            // An element that could not be evaluated is left out, not kept as null.
                            array.RemoveAt(i--);
                        }
                        else if (!ReferenceEquals(current, evaluated))
                        {
                            array[i] = evaluated;
                        }
                    }

                    return array;
                case JsonValue value when value.TryGetValue<string>(out var text):
                    if (text.StartsWith("[[", StringComparison.Ordinal))
                    {
                        return JsonValue.Create(text[1..]);
                    }

                    if (!TemplateExpressionEvaluator.IsExpression(text))
                    {
                        return value;
                    }

                    if (template.TryEvaluate(text, out var result))
                    {
                        return result;
                    }

                    _sink.Add(DiagnosticCatalog.TemplateExpressionNotEvaluated(at, null, text, "the value was left out"));
                    return null;
                default:
                    return node;
            }
        }
    }
}
