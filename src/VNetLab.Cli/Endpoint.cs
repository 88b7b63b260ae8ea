using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using VNetLab.Addressing;

namespace VNetLab.Cli;

/// <summary>An <c>IP:PORT</c> argument (<c>10.0.0.4:443</c>, <c>[2001:db8::4]:443</c>); the port may be left out where it means nothing (ICMP).</summary>
internal readonly record struct Endpoint(IpAddress Address, int? Port)
{
    public static bool TryParse(string text, [NotNullWhen(false)] out string? problem, out Endpoint endpoint)
    {
        endpoint = default;
        text = text.Trim();
        string addressText;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = $"'{text}' opens '[' without closing it; write [IPv6]:PORT.";
                return false;
            }

            addressText = text[1..close];
            if (close + 1 < text.Length)
            {
                if (text[close + 1] != ':')
                {
                    problem = $"'{text}': expected ':' and a port after ']'.";
                    return false;
                }

                portText = text[(close + 2)..];
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            addressText = text[..text.IndexOf(':', StringComparison.Ordinal)];
            portText = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }
        else
        {
            addressText = text;
        }

        if (!IpAddress.TryParse(addressText, out var address))
        {
            problem = $"'{addressText}' is not an IP address; write IP:PORT, e.g. 10.0.0.4:443.";
            return false;
        }

        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > PortRange.MaxPort)
            {
                problem = $"'{portText}' is not a port; give a number from 0 to 65535.";
                return false;
            }

            port = value;
        }

        endpoint = new Endpoint(address, port);
        problem = null;
        return true;
    }
}
