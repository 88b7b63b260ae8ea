using System.Text.Json;

namespace VNetLab.Arm.Contracts;

/// <summary>One JSON document per line (for <c>routes --all</c>): the contract's settings, without indentation.</summary>
public static class JsonLines
{
    public static JsonSerializerOptions Options { get; } = new(ContractJson.Options) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
