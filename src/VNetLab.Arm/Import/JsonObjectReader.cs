using System.Collections.Immutable;
using System.Text.Json;
using VNetLab.Addressing;
using VNetLab.Diagnostics;
using VNetLab.Model;

namespace VNetLab.Arm.Import;

/// <summary>
/// Reads typed values out of one JSON object, tracking the JSON path so that every problem becomes a
/// catalogue diagnostic naming the file, the path and the fix. Property names match case-insensitively,
/// as ARM matches them. A value of the wrong type is reported and read as absent.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly DiagnosticSink _sink;

    public JsonObjectReader(JsonElement element, SourceLocation location, ResourceId? resourceId, DiagnosticSink sink)
    {
        _element = element;
        Location = location;
        ResourceId = resourceId;
        _sink = sink;
    }

    public SourceLocation Location { get; }

    public ResourceId? ResourceId { get; }

    public JsonElement Element => _element;

    /// <summary>Where this reader reports (shared by every reader of one import).</summary>
    public DiagnosticSink Sink => _sink;

    public bool Has(string name) => TryGet(name, out _);

    public bool TryGet(string name, out JsonElement value)
    {
        if (_element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in _element.EnumerateObject())
            {
                if (NameEquals(property, name))
                {
                    value = property.Value;
                    return value.ValueKind != JsonValueKind.Null;
                }
            }
        }

        value = default;
        return false;
    }

    // Compares without making a string of every property name passed over (a lookup walks the object's
    // properties, and a large estate has two million rules of a dozen properties, each looked up a dozen times).
    // A plain ASCII name is compared on its UTF-8 bytes; anything else (escapes, non-ASCII letters that fold to
    // ASCII ones) as a string, exactly as before.
    private static bool NameEquals(JsonProperty property, string name)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (System.Text.Ascii.IsValid(raw) && raw.IndexOf((byte)'\\') < 0)
        {
            return System.Text.Ascii.EqualsIgnoreCase(raw, name);
        }

        return string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A nested object, or null when absent or not an object (reported).</summary>
    public JsonObjectReader? Object(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            WrongType(name, "an object", value);
            return null;
        }

        return new JsonObjectReader(value, Location.Property(name), ResourceId, _sink);
    }

    /// <summary>The objects of an array property, each with its own path.</summary>
    public IEnumerable<JsonObjectReader> Objects(string name)
    {
        if (!TryGet(name, out var value))
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(name, "an array", value);
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = Location.Property(name).Index(index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                _sink.Add(DiagnosticCatalog.WrongFieldType(at, ResourceId, "an object", Describe(item)));
                continue;
            }

            yield return new JsonObjectReader(item, at, ResourceId, _sink);
        }
    }

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType(name, "a string", value);
            return null;
        }

        return value.GetString() is { } text ? _sink.Pool.Intern(text) : null;
    }

    /// <summary>
    /// The <c>id</c> string, read as <see cref="String"/> reads it but not pooled: the id keeps only its segments,
    /// and pooling the text of millions of distinct ids would hold them all until the import ends.
    /// </summary>
    public string? IdText()
    {
        if (!TryGet("id", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            WrongType("id", "a string", value);
            return null;
        }

        return value.GetString();
    }

    public string? RequiredString(string name, string typeForMessage)
    {
        var value = String(name);
        if (value is null && !Has(name))
        {
            _sink.Add(DiagnosticCatalog.MissingRequiredField(Location, ResourceId, typeForMessage, name));
        }

        return value;
    }

    /// <summary>A list of strings; a single string is accepted as a one-element list (ARM's singular/plural pairs).</summary>
    public ImmutableArray<string> Strings(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return _sink.Pool.Share([_sink.Pool.Intern(value.GetString() ?? string.Empty)]);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(name, "an array of strings", value);
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                builder.Add(_sink.Pool.Intern(item.GetString() ?? string.Empty));
            }
            else
            {
                _sink.Add(DiagnosticCatalog.WrongFieldType(Location.Property(name).Index(index), ResourceId, "a string", Describe(item)));
            }

            index++;
        }

        return _sink.Pool.Share(builder.DrainToImmutable());
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        // Some exports (and PowerShell) write booleans as strings.
        if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed))
        {
            return parsed;
        }

        WrongType(name, "true or false", value);
        return null;
    }

    public long? Long(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        WrongType(name, "an integer", value);
        return null;
    }

    public int? Int(string name)
    {
        var value = Long(name);
        if (value is null)
        {
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            _sink.Add(DiagnosticCatalog.WrongFieldType(Location.Property(name), ResourceId, "a 32-bit integer", value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>A reference written as <c>{ "id": "..." }</c> (or, leniently, as the id string itself).</summary>
    public ResourceId? Reference(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        var at = Location.Property(name);
        if (value.ValueKind == JsonValueKind.Object)
        {
            var reader = new JsonObjectReader(value, at, ResourceId, _sink);
            var text = reader.IdText();
            return text is null ? null : ParseReference(text, at.Property("id"));
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return ParseReference(value.GetString() ?? string.Empty, at);
        }

        WrongType(name, "an object with an 'id'", value);
        return null;
    }

    /// <summary>An array of references (<c>[{ "id": ... }]</c>).</summary>
    public ImmutableArray<ResourceId> References(string name)
    {
        var builder = ImmutableArray.CreateBuilder<ResourceId>();
        foreach (var item in Objects(name))
        {
            if (item.IdText() is { } text && item.ParseReference(text, item.Location.Property("id")) is { } id)
            {
                builder.Add(id);
            }
        }

        return _sink.Pool.Share(builder.DrainToImmutable());
    }

    /// <summary>A resource's own id. Child ids (rules, routes) are unique and not remembered; see <see cref="ImportPool"/>.</summary>
    public ResourceId? ParseId(string text, SourceLocation at) => Report(_sink.Pool.Declared(text), text, at);

    /// <summary>An id that other resources may name too (a reference, or a top-level resource's own id).</summary>
    public ResourceId? ParseReference(string text, SourceLocation at) => Report(_sink.Pool.Reference(text), text, at);

    private ResourceId? Report(ResourceId? id, string text, SourceLocation at)
    {
        if (id is null)
        {
            _sink.Add(DiagnosticCatalog.InvalidResourceId(at, text));
        }

        return id;
    }

    public IpAddress? IpAddress(string name)
    {
        var text = String(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Addressing.IpAddress.TryParse(text, out var address))
        {
            return address;
        }

        _sink.Add(DiagnosticCatalog.InvalidIpAddress(Location.Property(name), ResourceId, text));
        return null;
    }

    /// <summary>Address prefixes from a list (or single string); invalid ones are reported and left out.</summary>
    public ImmutableArray<AddressPrefix> AddressPrefixes(string name)
    {
        var builder = ImmutableArray.CreateBuilder<AddressPrefix>();
        var texts = Strings(name);
        var isArray = TryGet(name, out var value) && value.ValueKind == JsonValueKind.Array;
        for (var i = 0; i < texts.Length; i++)
        {
            var at = isArray ? Location.Property(name).Index(i) : Location.Property(name);
            if (ParsePrefix(texts[i], at) is { } prefix)
            {
                builder.Add(prefix);
            }
        }

        return builder.ToImmutable();
    }

    public AddressPrefix? ParsePrefix(string text, SourceLocation at)
    {
        if (!IpPrefix.TryParse(text, out var prefix, out var canonical))
        {
            _sink.Add(DiagnosticCatalog.InvalidAddressPrefix(at, ResourceId, text));
            return null;
        }

        if (!canonical)
        {
            _sink.Add(DiagnosticCatalog.NonCanonicalPrefix(at, ResourceId, text, prefix.ToString()));
        }

        return new AddressPrefix(prefix, text, canonical);
    }

    /// <summary>An enum value matched case-insensitively against Azure's spellings; anything else is reported.</summary>
    public TEnum? Enum<TEnum>(string name) where TEnum : struct, Enum
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        _sink.Add(DiagnosticCatalog.InvalidEnumValue(Location.Property(name), ResourceId, text, System.Enum.GetNames<TEnum>()));
        return null;
    }

    /// <summary>An enum the resource cannot be modelled without: absent is reported as a missing field, a wrong value as not allowed.</summary>
    public TEnum? RequiredEnum<TEnum>(string name, string typeForMessage) where TEnum : struct, Enum
    {
        var value = Enum<TEnum>(name);
        if (value is null && !Has(name))
        {
            _sink.Add(DiagnosticCatalog.MissingRequiredField(Location, ResourceId, typeForMessage, name));
        }

        return value;
    }

    public void Report(Diagnostic diagnostic) => _sink.Add(diagnostic);

    private void WrongType(string name, string expected, JsonElement actual) =>
        _sink.Add(DiagnosticCatalog.WrongFieldType(Location.Property(name), ResourceId, expected, Describe(actual)));

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Truncate(element.GetString())}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static string Truncate(string? text) => text is null ? string.Empty : text.Length <= 60 ? text : text[..57] + "...";
}
