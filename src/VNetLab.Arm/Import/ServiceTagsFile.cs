using System.Collections.Immutable;
using System.Text.Json;
using VNetLab.Addressing;

namespace VNetLab.Arm.Import;

/// <summary>
/// Reads Azure's service tags download (<c>ServiceTags_Public_*.json</c>, or the output of
/// <c>az network list-service-tags</c>): <c>{ "values": [ { "name": "Storage.WestEurope", "properties": { "addressPrefixes": [...] } } ] }</c>.
/// The routing engine takes the result as tag name → prefixes.
/// </summary>
public static class ServiceTagsFile
{
    /// <summary>Reads the file; on failure returns false with a message naming the file, the place and the fix.</summary>
    public static bool TryRead(string path, out IReadOnlyDictionary<string, ImmutableArray<IpPrefix>> tags, out string error)
    {
        tags = ImmutableDictionary<string, ImmutableArray<IpPrefix>>.Empty;
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return TryRead(document.RootElement, path, out tags, out error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            error = $"{path}: cannot read the service tags file: {e.Message}. Pass the ServiceTags_Public JSON from the Azure download center.";
            return false;
        }
    }

    public static bool TryRead(JsonElement root, string path, out IReadOnlyDictionary<string, ImmutableArray<IpPrefix>> tags, out string error)
    {
        var result = new Dictionary<string, ImmutableArray<IpPrefix>>(StringComparer.OrdinalIgnoreCase);
        tags = result;
        error = string.Empty;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            error = $"{path}: $.values: expected an array of service tags (the ServiceTags_Public JSON has one).";
            return false;
        }

        var index = 0;
        foreach (var value in values.EnumerateArray())
        {
            var at = $"$.values[{index++}]";
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                error = $"{path}: {at}.name: each service tag needs a name.";
                return false;
            }

            var prefixes = ImmutableArray.CreateBuilder<IpPrefix>();
            if (value.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("addressPrefixes", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var position = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || !IpPrefix.TryParse(item.GetString(), out var prefix))
                    {
                        error = $"{path}: {at}.properties.addressPrefixes[{position}]: '{item}' is not a CIDR prefix.";
                        return false;
                    }

                    prefixes.Add(prefix);
                    position++;
                }
            }

            result[name.GetString() ?? string.Empty] = prefixes.ToImmutable();
        }

        return true;
    }
}
