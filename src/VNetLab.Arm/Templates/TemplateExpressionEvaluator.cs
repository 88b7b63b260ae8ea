using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace VNetLab.Arm.Templates;

/// <summary>
/// Evaluates the small part of the ARM template language that describes a network with literal values:
/// <c>parameters('x')</c> (their default values), <c>variables('x')</c>, <c>resourceId(...)</c>,
/// <c>concat(...)</c>, <c>format(...)</c>, <c>toLower</c>/<c>toUpper</c>, <c>resourceGroup().name/location</c>,
/// <c>subscription().subscriptionId</c>, string and integer literals. Anything else cannot be known offline
/// and is reported by the caller instead of guessed.
/// </summary>
internal sealed class TemplateExpressionEvaluator
{
    private readonly JsonObject? _parameters;
    private readonly JsonObject? _variables;
    private readonly string _subscription;
    private readonly string _resourceGroup;

    public TemplateExpressionEvaluator(JsonObject template, string subscription, string resourceGroup)
    {
        _parameters = template["parameters"] as JsonObject;
        _variables = template["variables"] as JsonObject;
        _subscription = subscription;
        _resourceGroup = resourceGroup;
    }

    /// <summary>True when a string value is a template expression (<c>[...]</c>; <c>[[</c> escapes a literal bracket).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Evaluates an expression string; false when it uses something the twin cannot evaluate offline.</summary>
    public bool TryEvaluate(string text, out JsonNode? value)
    {
        value = null;
        try
        {
            var parser = new Parser(text[1..^1], this);
            value = parser.ParseExpression();
            parser.ExpectEnd();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private JsonNode? Parameter(string name)
    {
        if (_parameters?[name] is JsonObject parameter && parameter.TryGetPropertyValue("defaultValue", out var value))
        {
            return Resolve(value);
        }

        throw new FormatException($"parameter '{name}' has no default value");
    }

    private JsonNode? Variable(string name)
    {
        if (_variables is not null && _variables.TryGetPropertyValue(name, out var value))
        {
            return Resolve(value);
        }

        throw new FormatException($"variable '{name}' is not defined");
    }

    // A default value or variable may itself be an expression.
    private JsonNode? Resolve(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && IsExpression(s)
            ? (TryEvaluate(s, out var inner) ? inner : throw new FormatException(s))
            : value?.DeepClone();

    private JsonNode? Call(string function, List<JsonNode?> args)
    {
        switch (function.ToUpperInvariant())
        {
            case "PARAMETERS":
                return Parameter(AsString(args, 0));
            case "VARIABLES":
                return Variable(AsString(args, 0));
            case "CONCAT":
                return JsonValue.Create(string.Concat(args.Select(a => AsText(a))));
            case "FORMAT":
                {
                    var format = AsString(args, 0);
                    var values = args.Skip(1).Select(a => (object?)AsText(a)).ToArray();
                    return JsonValue.Create(string.Format(CultureInfo.InvariantCulture, format, values));
                }

            case "TOLOWER":
                return JsonValue.Create(AsString(args, 0).ToLowerInvariant());
            case "TOUPPER":
                return JsonValue.Create(AsString(args, 0).ToUpperInvariant());
            case "RESOURCEID":
                return JsonValue.Create(ResourceId(args.Select(a => AsText(a)).ToList()));
            case "RESOURCEGROUP":
                return new JsonObject { ["name"] = _resourceGroup, ["id"] = $"/subscriptions/{_subscription}/resourceGroups/{_resourceGroup}" };
            case "SUBSCRIPTION":
                return new JsonObject { ["subscriptionId"] = _subscription, ["id"] = $"/subscriptions/{_subscription}" };
            default:
                throw new FormatException($"function '{function}' is not evaluated offline");
        }
    }

    // resourceId([subscriptionId], [resourceGroupName], resourceType, name1, name2, ...)
    private string ResourceId(List<string> args)
    {
        var typeIndex = args.FindIndex(a => a.Contains('/', StringComparison.Ordinal));
        if (typeIndex < 0)
        {
            throw new FormatException("resourceId() needs a resource type");
        }

        var subscription = typeIndex >= 2 ? args[0] : _subscription;
        var group = typeIndex >= 1 ? args[typeIndex - 1] : _resourceGroup;
        var typeParts = args[typeIndex].Split('/');
        var names = args.Skip(typeIndex + 1).ToList();
        if (names.Count != typeParts.Length - 1)
        {
            throw new FormatException("resourceId() needs one name per type segment");
        }

        var text = new StringBuilder($"/subscriptions/{subscription}/resourceGroups/{group}/providers/{typeParts[0]}");
        for (var i = 0; i < names.Count; i++)
        {
            text.Append('/').Append(typeParts[i + 1]).Append('/').Append(names[i]);
        }

        return text.ToString();
    }

    private static string AsString(List<JsonNode?> args, int index) =>
        index < args.Count ? AsText(args[index]) : throw new FormatException("missing argument");

    private static string AsText(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        null => string.Empty,
        _ => throw new FormatException("an object or array where text was expected"),
    };

    private sealed class Parser(string text, TemplateExpressionEvaluator owner)
    {
        private int _position;

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_position != text.Length)
            {
                throw new FormatException("unexpected text");
            }
        }

        public JsonNode? ParseExpression()
        {
            SkipSpaces();
            JsonNode? value;
            if (Peek() == '\'')
            {
                value = JsonValue.Create(ParseString());
            }
            else if (char.IsDigit(Peek()) || Peek() == '-')
            {
                var start = _position++;
                while (_position < text.Length && char.IsDigit(text[_position]))
                {
                    _position++;
                }

                value = JsonValue.Create(long.Parse(text.AsSpan(start, _position - start), CultureInfo.InvariantCulture));
            }
            else
            {
                var name = ParseIdentifier();
                Expect('(');
                var args = new List<JsonNode?>();
                SkipSpaces();
                if (Peek() != ')')
                {
                    while (true)
                    {
                        args.Add(ParseExpression());
                        SkipSpaces();
                        if (Peek() == ',')
                        {
                            _position++;
                            continue;
                        }

                        break;
                    }
                }

                Expect(')');
                value = owner.Call(name, args);
            }

            // Property access and indexing: resourceGroup().location, variables('x')[0]
            while (true)
            {
                SkipSpaces();
                if (Peek() == '.')
                {
                    _position++;
                    var property = ParseIdentifier();
                    value = value is JsonObject o && o.TryGetPropertyValue(property, out var p) ? p?.DeepClone()
                        : throw new FormatException($"property '{property}' is not known offline");
                }
                else if (Peek() == '[')
                {
                    _position++;
                    var index = ParseExpression();
                    Expect(']');
                    value = (value, index) switch
                    {
                        (JsonArray a, JsonValue i) when i.TryGetValue<long>(out var n) && n >= 0 && n < a.Count => a[(int)n]?.DeepClone(),
                        (JsonObject o, JsonValue k) when k.TryGetValue<string>(out var key) && o.TryGetPropertyValue(key, out var p) => p?.DeepClone(),
                        _ => throw new FormatException("index not known offline"),
                    };
                }
                else
                {
                    return value;
                }
            }
        }

        private string ParseString()
        {
            Expect('\'');
            var result = new StringBuilder();
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (c == '\'')
                {
                    if (Peek() == '\'')
                    {
                        result.Append('\'');
                        _position++;
                        continue;
                    }

                    return result.ToString();
                }

                result.Append(c);
            }

            throw new FormatException("unterminated string");
        }

        private string ParseIdentifier()
        {
            SkipSpaces();
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw new FormatException("identifier expected");
        }

        private void Expect(char c)
        {
            SkipSpaces();
            if (Peek() != c)
            {
                throw new FormatException($"'{c}' expected");
            }

            _position++;
        }

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }
}
