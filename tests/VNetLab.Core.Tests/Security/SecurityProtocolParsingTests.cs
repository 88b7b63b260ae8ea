using VNetLab.Security;

namespace VNetLab.Core.Tests.Security;

/// <summary>
/// A rule's protocol is read ignoring case and surrounding white space, as its invariant upper case compared with the
/// five names; checked against that reading over seeded spellings, including letters whose upper case is ASCII.
/// </summary>
public class SecurityProtocolParsingTests
{
    private static readonly string[] Pieces = ["t", "T", "c", "C", "p", "P", "u", "U", "d", "D", "i", "I", "ı", "m", "M", "e", "E", "s", "S", "ſ", "a", "A", "h", "H", "K", "*", " ", "\t", "\u00a0"];

    [Fact]
    public void Protocol_names_are_read_as_their_invariant_upper_case()
    {
        var random = new Random(20261122);
        var texts = new List<string?> { null, "", " ", "Tcp", "TCP", " udp ", "Icmp", "esp", "Ah", "*", "Any", "tcp,udp", "ıcmp", "ESP\u00a0" };
        for (var i = 0; i < 20_000; i++)
        {
            texts.Add(string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => Pieces[random.Next(Pieces.Length)])));
        }

        foreach (var text in texts)
        {
            var expected = Reference(text);
            Assert.Equal(expected is not null, SecurityProtocolExtensions.TryParse(text, out var protocol));
            Assert.Equal(expected ?? SecurityProtocol.Tcp, protocol);
        }
    }

    // The reading before it was made in place: an upper-cased copy matched against the names.
    private static SecurityProtocol? Reference(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "TCP" => SecurityProtocol.Tcp,
        "UDP" => SecurityProtocol.Udp,
        "ICMP" => SecurityProtocol.Icmp,
        "ESP" => SecurityProtocol.Esp,
        "AH" => SecurityProtocol.Ah,
        _ => null,
    };
}
