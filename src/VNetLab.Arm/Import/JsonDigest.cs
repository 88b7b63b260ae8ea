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
    public static JsonDigest Of(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true }))
        {
            element.WriteTo(writer);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return new JsonDigest(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash[..16]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
    }
}
