using System.Buffers;
using System.Text;
using System.Text.Json;

namespace VNetLab.Arm.Contracts;

/// <summary>One JSON document per line (for <c>routes --all</c>): the contract's settings, without indentation.</summary>
public static class JsonLines
{
    // A line of routes --all is a few hundred kilobytes (thousands of routes per subnet); reused buffers keep
    // fifty thousand of them off the large-object heap, whose churn forced a full collection every few lines.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_bytes;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static char[]? t_chars;

    public static JsonSerializerOptions Options { get; } = new(ContractJson.Options) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Writes <paramref name="value"/> and a new line: the same text as <see cref="Serialize{T}"/>, without building it as one string.</summary>
    public static void WriteLine<T>(TextWriter output, T value)
    {
        var bytes = t_bytes ??= new ArrayBufferWriter<byte>(64 * 1024);
        bytes.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(bytes, new JsonWriterOptions
        {
            Encoder = Options.Encoder,
            Indented = false,
            MaxDepth = Options.MaxDepth,
            SkipValidation = false,
        });
        writer.Reset(bytes);
        JsonSerializer.Serialize(writer, value, Options);
        writer.Flush();

        var utf8 = bytes.WrittenSpan;
        var chars = t_chars;
        var needed = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (chars is null || chars.Length < needed)
        {
            chars = t_chars = new char[Math.Max(needed, 64 * 1024)];
        }

        var length = Encoding.UTF8.GetChars(utf8, chars);
        output.Write(chars, 0, length);
        output.WriteLine();
    }
}
