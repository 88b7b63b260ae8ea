using System.Collections.Immutable;
using System.Globalization;
using VNetLab.Addressing;
using VNetLab.Analysis.Policies;
using VNetLab.Model;
using VNetLab.Routing;
using VNetLab.Security;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VNetLab.Arm.Policies;

/// <summary>
/// Reads a <c>verify</c> policy file (YAML) into a <see cref="Policy"/>. Every problem is collected with its YAML
/// path and line, so a user fixes the file in one pass; nothing throws for bad input.
/// </summary>
/// <remarks>
/// <code>
/// assertions:
///   - name: vdi tenant reaches the Internet only via the proxy tunnel
///     from: { subnet: vdi-vnet/tenant }      # vnet, subnet, nic, vm, site, prefix, asg; or the word internet
///     to: internet
///     protocol: Tcp                          # Tcp, Udp, Icmp, Esp, Ah, "*" (default; quoted), or a list
///     ports: [80, 443, "8000-8080"]          # destination ports (default all)
///     expect: reachable                      # or unreachable
///     via: [ { site: proxy-supplier } ]      # internet, expressRoute, tunnel, gateway, firewall, appliance, site
///     notVia: [ internet ]
///     nextHopType: VirtualNetworkGateway     # Azure's spelling
/// </code>
/// </remarks>
public static class PolicyReader
{
    private static readonly string[] _assertionKeys = ["name", "from", "to", "protocol", "protocols", "ports", "port", "expect", "via", "notVia", "nextHopType"];

    public static PolicyReadResult Read(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PolicyReadResult(null, [new PolicyError(file, "$", 0, "the policy file cannot be read: " + e.Message)]);
        }

        return ReadText(text, file);
    }

    public static PolicyReadResult ReadText(string text, string file = "policy.yaml")
    {
        var errors = new List<PolicyError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return new PolicyReadResult(null, [new PolicyError(file, "$", (int)e.Start.Line, "not valid YAML: " + e.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new PolicyReadResult(null, [new PolicyError(file, "$", 1, "expected a mapping with an 'assertions' list")]);
        }

        var context = new Context(file, errors);
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value != "assertions"))
        {
            context.Error("$." + key.Value, key, "unknown key; a policy file has only 'assertions'");
        }

        if (Child(root, "assertions") is not YamlSequenceNode list)
        {
            context.Error("$.assertions", root, "expected 'assertions:' followed by a list of assertions");
            return new PolicyReadResult(null, [.. errors]);
        }

        var assertions = ImmutableArray.CreateBuilder<PolicyAssertion>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"assertions[{i}]";
            if (ReadAssertion(context, path, list.Children[i]) is { } assertion)
            {
                if (!names.Add(assertion.Name))
                {
                    context.Error(path + ".name", list.Children[i], $"the name '{assertion.Name}' is used by another assertion; names must be unique");
                }

                assertions.Add(assertion);
            }
        }

        return errors.Count > 0 ? new PolicyReadResult(null, [.. errors]) : new PolicyReadResult(new Policy(assertions.ToImmutable()), []);
    }

    private static PolicyAssertion? ReadAssertion(Context context, string path, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            context.Error(path, node, "expected an assertion (a mapping with name, from, to and an expectation)");
            return null;
        }

        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !_assertionKeys.Contains(k.Value)))
        {
            context.Error($"{path}.{key.Value}", key, "unknown key; expected one of: " + string.Join(", ", _assertionKeys));
        }

        var before = context.Count;
        var name = Scalar(Child(map, "name"));
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Error(path + ".name", map, "every assertion needs a 'name'");
        }

        var from = ReadSelector(context, path + ".from", Child(map, "from"), map);
        var to = ReadSelector(context, path + ".to", Child(map, "to"), map);
        var protocols = ReadProtocols(context, path + ".protocol", Child(map, "protocol") ?? Child(map, "protocols"));
        var ports = ReadPorts(context, path + ".ports", Child(map, "ports") ?? Child(map, "port"));
        ReachabilityExpectation? expect = null;
        if (Child(map, "expect") is { } expectNode)
        {
            expect = Scalar(expectNode)?.ToLowerInvariant() switch
            {
                "reachable" => ReachabilityExpectation.Reachable,
                "unreachable" => ReachabilityExpectation.Unreachable,
                _ => Invalid<ReachabilityExpectation?>(context, path + ".expect", expectNode, "expected 'reachable' or 'unreachable'"),
            };
        }

        var via = ReadWaypoints(context, path + ".via", Child(map, "via"));
        var notVia = ReadWaypoints(context, path + ".notVia", Child(map, "notVia"));
        NextHopType? nextHopType = null;
        if (Child(map, "nextHopType") is { } hopNode)
        {
            if (Enum.TryParse<NextHopType>(Scalar(hopNode), ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                nextHopType = parsed;
            }
            else
            {
                context.Error(path + ".nextHopType", hopNode, "expected one of Azure's next hop types: " + string.Join(", ", Enum.GetNames<NextHopType>()));
            }
        }

        if (expect is null && via.IsEmpty && notVia.IsEmpty && nextHopType is null && context.Count == before)
        {
            context.Error(path, map, "the assertion expects nothing; add 'expect', 'via', 'notVia' or 'nextHopType'");
        }

        if (context.Count > before || from is null || to is null || name is null)
        {
            return null;
        }

        return new PolicyAssertion
        {
            Name = name,
            From = from,
            To = to,
            Protocols = protocols,
            Ports = ports,
            Expect = expect,
            Via = via,
            NotVia = notVia,
            NextHopType = nextHopType,
            Source = new SourceLocation(context.File, path),
        };
    }

    private static EndpointSelector? ReadSelector(Context context, string path, YamlNode? node, YamlNode parent)
    {
        const string Expected = "expected 'internet' or one of vnet, subnet, nic, vm, site, prefix, asg with a name pattern, e.g. { subnet: vdi-vnet/tenant }";
        switch (node)
        {
            case null:
                context.Error(path, parent, "missing; " + Expected);
                return null;
            case YamlScalarNode scalar when string.Equals(scalar.Value, "internet", StringComparison.OrdinalIgnoreCase):
                return EndpointSelector.Internet;
            case YamlMappingNode map when map.Children.Where(c => !IsExcept(c.Key)).ToList() is [{ Key: YamlScalarNode key, Value: YamlScalarNode value }]
                && !string.IsNullOrWhiteSpace(value.Value):
                var pattern = value.Value.Trim();
                var except = map.Children.Where(c => IsExcept(c.Key)).Select(c => c.Value).FirstOrDefault();
                if (except is not null && string.IsNullOrWhiteSpace(Scalar(except)))
                {
                    context.Error(path + ".except", except, "expected a name pattern of endpoints to leave out, e.g. except: vnet-dmz-weu/snet-dmz-proxy");
                    return null;
                }

                var kind = SelectorKindNames.Parse(key.Value ?? string.Empty);
                if (kind is null)
                {
                    context.Error($"{path}.{key.Value}", key, "unknown selector; " + Expected);
                    return null;
                }

                if (kind == SelectorKind.Prefix)
                {
                    if (!IpPrefix.TryParseAddressOrPrefix(pattern, out var prefix, out _))
                    {
                        context.Error(path + ".prefix", value, $"'{pattern}' is not a CIDR prefix or an IP address");
                        return null;
                    }

                    return new EndpointSelector(SelectorKind.Prefix, prefix.ToString()) { Prefix = prefix, Except = Scalar(except)?.Trim() };
                }

                return new EndpointSelector(kind.Value, pattern) { Except = Scalar(except)?.Trim() };
            default:
                context.Error(path, node, Expected);
                return null;
        }
    }

    private static ProtocolSet ReadProtocols(Context context, string path, YamlNode? node)
    {
        if (node is null)
        {
            return ProtocolSet.All;
        }

        var result = ProtocolSet.Empty;
        var items = Items(node);
        for (var i = 0; i < items.Count; i++)
        {
            var text = Scalar(items[i]);
            if (string.Equals(text, "any", StringComparison.OrdinalIgnoreCase))
            {
                text = "*";
            }

            if (text is not null && ProtocolSet.TryParse(text, out var protocols))
            {
                result = result.Union(protocols);
            }
            else
            {
                context.Error(node is YamlSequenceNode ? $"{path}[{i}]" : path, items[i], "expected Tcp, Udp, Icmp, Esp, Ah or *");
            }
        }

        return result;
    }

    private static PortSet ReadPorts(Context context, string path, YamlNode? node)
    {
        if (node is null)
        {
            return PortSet.All;
        }

        var result = PortSet.Empty;
        var items = Items(node);
        for (var i = 0; i < items.Count; i++)
        {
            var text = Scalar(items[i])?.Trim();
            if (text == "*")
            {
                return PortSet.All;
            }

            if (text is not null && PortRange.TryParse(text, out var range))
            {
                result = result.Union(PortSet.FromRange(range));
            }
            else if (text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= PortRange.MaxPort)
            {
                result = result.Union(PortSet.FromPort(port));
            }
            else
            {
                context.Error(node is YamlSequenceNode ? $"{path}[{i}]" : path, items[i], "expected a port (443), a range (8000-8080) or *");
            }
        }

        return result;
    }

    private static ImmutableArray<Waypoint> ReadWaypoints(Context context, string path, YamlNode? node)
    {
        if (node is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Waypoint>();
        var items = Items(node);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = node is YamlSequenceNode ? $"{path}[{i}]" : path;
            var (kindText, pattern) = items[i] switch
            {
                YamlScalarNode scalar => (scalar.Value, "*"),
                YamlMappingNode { Children.Count: 1 } map when map.Children.First() is { Key: YamlScalarNode key, Value: YamlScalarNode value } =>
                    (key.Value, value.Value ?? "*"),
                _ => (null, "*"),
            };
            WaypointKind? kind = kindText switch
            {
                "internet" => WaypointKind.Internet,
                "expressRoute" => WaypointKind.ExpressRoute,
                "tunnel" => WaypointKind.Tunnel,
                "gateway" => WaypointKind.Gateway,
                "firewall" => WaypointKind.Firewall,
                "appliance" => WaypointKind.Appliance,
                "site" => WaypointKind.Site,
                _ => null,
            };
            if (kind is null)
            {
                context.Error(itemPath, items[i], "expected a waypoint: internet, expressRoute, tunnel, gateway, firewall, appliance or site, alone or with a name pattern ({ site: proxy-supplier })");
                continue;
            }

            result.Add(new Waypoint(kind.Value, pattern.Trim()));
        }

        return result.ToImmutable();
    }

    private static T? Invalid<T>(Context context, string path, YamlNode node, string message)
    {
        context.Error(path, node, message);
        return default;
    }

    private static bool IsExcept(YamlNode key) => key is YamlScalarNode { Value: "except" };

    private static List<YamlNode> Items(YamlNode node) => node is YamlSequenceNode sequence ? [.. sequence.Children] : [node];

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private sealed class Context(string file, List<PolicyError> errors)
    {
        public string File => file;

        public int Count => errors.Count;

        public void Error(string path, YamlNode node, string message) =>
            errors.Add(new PolicyError(file, path.StartsWith('$') ? path : "$." + path, (int)node.Start.Line, message));
    }
}
