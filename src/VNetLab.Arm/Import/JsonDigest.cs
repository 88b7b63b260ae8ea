using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace VNetLab.Arm.Import;

/// <summary>
/// A SHA-256 digest of a JSON value written compactly, so that two definitions of a resource that
/// differ only in white space compare equal, and the importer need not keep the JSON to compare them.
/// </summary>
internal readonly record struct JsonDigest(UInt128 High, UInt128 Low)
{
    // One buffer and writer per thread, reused: an NSG's JSON is over 100 KB, and a fresh buffer grown to that
    // size for each of ten thousand NSGs lands on the large-object heap.
    private const int MaxKeptBytes = 4 * 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static JsonDigest Of(JsonElement element)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true });
        writer.Reset(buffer);
        element.WriteTo(writer);
        writer.Flush();

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > MaxKeptBytes)
        {
            // A huge resource's buffer is not kept alive by the thread after the import.
            t_buffer = null;
            t_writer = null;
        }
        return new JsonDigest(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash[..16]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
    }
}
