using System.Text.Json;

namespace VNetLab.EstateGenerator.Writing;

/// <summary>
/// Writes one resource-group file the way <c>az resource list</c> prints it: a JSON array of resources
/// with <c>id</c>, <c>name</c>, <c>type</c>, <c>location</c>, <c>resourceGroup</c> and <c>properties</c>,
/// children inline. Compact (no indentation): the enterprise estate is over a gigabyte as it is.
/// </summary>
internal sealed class ArmJsonWriter : IDisposable
{
    private static readonly JsonEncodedText _id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText _name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText _type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText _location = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText _resourceGroup = JsonEncodedText.Encode("resourceGroup");
    private static readonly JsonEncodedText _properties = JsonEncodedText.Encode("properties");
    private static readonly JsonEncodedText _provisioningState = JsonEncodedText.Encode("provisioningState");
    private static readonly JsonEncodedText _succeeded = JsonEncodedText.Encode("Succeeded");

    private readonly Stream _stream;

    public ArmJsonWriter(Stream stream)
    {
        _stream = stream;
        Json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        Json.WriteStartArray();
    }

    public Utf8JsonWriter Json { get; }

    public ResourceTally Tally { get; } = new();

    /// <summary>Opens a top-level resource and its <c>properties</c> object.</summary>
    public void BeginResource(string id, string name, string type, string location, string resourceGroup, Action<Utf8JsonWriter>? beforeProperties = null)
    {
        Json.WriteStartObject();
        Json.WriteString(_id, id);
        Json.WriteString(_name, name);
        Json.WriteString(_type, type);
        Json.WriteString(_location, location);
        Json.WriteString(_resourceGroup, resourceGroup);
        beforeProperties?.Invoke(Json);
        Json.WriteStartObject(_properties);
        Json.WriteString(_provisioningState, _succeeded);
    }

    /// <summary>Opens an inline child (a subnet, peering, rule, route, IP configuration) and its <c>properties</c>.</summary>
    public void BeginChild(string id, string name, string type)
    {
        Json.WriteStartObject();
        Json.WriteString(_id, id);
        Json.WriteString(_name, name);
        Json.WriteString(_type, type);
        Json.WriteStartObject(_properties);
    }

    /// <summary>Closes <c>properties</c> and the resource (or child).</summary>
    public void End()
    {
        Json.WriteEndObject();
        Json.WriteEndObject();
    }

    /// <summary><c>"property": { "id": "..." }</c>, ARM's way of pointing at another resource.</summary>
    public void Reference(string property, string id)
    {
        Json.WriteStartObject(property);
        Json.WriteString(_id, id);
        Json.WriteEndObject();
    }

    public void References(string property, IEnumerable<string> ids)
    {
        Json.WriteStartArray(property);
        foreach (var id in ids)
        {
            Json.WriteStartObject();
            Json.WriteString(_id, id);
            Json.WriteEndObject();
        }

        Json.WriteEndArray();
    }

    public void Strings(string property, IEnumerable<string> values)
    {
        Json.WriteStartArray(property);
        foreach (var value in values)
        {
            Json.WriteStringValue(value);
        }

        Json.WriteEndArray();
    }

    public void Prefixes(string property, IEnumerable<Ipv4Prefix> prefixes) => Strings(property, prefixes.Select(p => p.ToString()));

    /// <summary><c>"property": { "addressPrefixes": [...] }</c> (address spaces of VNets, peerings, local network gateways).</summary>
    public void AddressSpace(string property, IEnumerable<Ipv4Prefix> prefixes)
    {
        Json.WriteStartObject(property);
        Prefixes("addressPrefixes", prefixes);
        Json.WriteEndObject();
    }

    /// <summary>
    /// A singular/plural ARM pair (<c>sourceAddressPrefix</c> / <c>sourceAddressPrefixes</c>): one value goes
    /// in the singular field, several in the plural one, as the portal and the CLI write them.
    /// </summary>
    public void SingularOrPlural(string singular, string plural, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            Json.WriteString(singular, values[0]);
        }
        else if (values.Count > 1)
        {
            Strings(plural, values);
        }
    }

    /// <summary>Closes the array and ends the file with a newline; a file left without it is incomplete.</summary>
    public void Complete()
    {
        Json.WriteEndArray();
        Json.Flush();
        _stream.WriteByte((byte)'\n');
    }

    public void Dispose() => Json.Dispose();
}
