using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Compiler.Topology;

/// <summary>
/// Checks a <see cref="LocatedJson"/> tree against a JSON Schema, for the subset of keywords that
/// topology.schema.json uses: type, required, properties, additionalProperties (false or a schema),
/// minimum, maximum, exclusiveMinimum, exclusiveMaximum, enum, items, minItems, maxItems, pattern,
/// and local $ref. JsonSchema.Net would do this, but its JsonPointer.Net dependency cannot be restored
/// here. Every failure is reported, each at its node. The custom keyword "x-qdc-code" picks the
/// diagnostic code for a range failure so that, say, a bad fidelity has its own code.
/// </summary>
internal sealed class SchemaValidator(JsonElement schemaRoot, JsonSourceText source, DiagnosticBag bag)
{
    public void Validate(LocatedJson node) => Validate(node, schemaRoot);

    private void Validate(LocatedJson node, JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("type", out var type) && !MatchesType(node, type))
        {
            source.Error(bag, TopologyDiagnosticCodes.WrongType, $"expected {TypeText(type)}, found {Describe(node)}", node);
            return;
        }
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonEquals(node, a)))
        {
            var options = allowed.EnumerateArray().Select(a => a.ToString()).ToList();
            string hint = node.Kind == JsonKind.String ? NameSuggestion.Hint(node.String!, options) : "";
            source.Error(bag, TopologyDiagnosticCodes.NotAllowed,
                $"{node.Display} is not one of {string.Join(", ", options.Select(o => $"'{o}'"))}{hint}", node);
        }
        switch (node.Kind)
        {
            case JsonKind.Number:
                CheckRange(node, schema);
                break;
            case JsonKind.String when schema.TryGetProperty("pattern", out var pattern):
                if (!Regex.IsMatch(node.String!, pattern.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    source.Error(bag, TopologyDiagnosticCodes.BadPattern, $"{node.Display} does not match the pattern {pattern.GetString()}", node);
                }
                break;
            case JsonKind.Array:
                CheckArray(node, schema);
                break;
            case JsonKind.Object:
                CheckObject(node, schema);
                break;
        }
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            string r = reference.GetString()!;
            const string prefix = "#/$defs/";
            if (!r.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"schema $ref '{r}' is not a local #/$defs/ reference");
            }
            schema = schemaRoot.GetProperty("$defs").GetProperty(r[prefix.Length..]);
        }
        return schema;
    }

    private void CheckRange(LocatedJson node, JsonElement schema)
    {
        double x = node.Number;
        bool tooLow = (schema.TryGetProperty("minimum", out var min) && x < min.GetDouble())
            || (schema.TryGetProperty("exclusiveMinimum", out var xmin) && x <= xmin.GetDouble());
        bool tooHigh = (schema.TryGetProperty("maximum", out var max) && x > max.GetDouble())
            || (schema.TryGetProperty("exclusiveMaximum", out var xmax) && x >= xmax.GetDouble());
        if (!tooLow && !tooHigh)
        {
            return;
        }
        string code = schema.TryGetProperty("x-qdc-code", out var c) ? c.GetString()! : TopologyDiagnosticCodes.OutOfRange;
        source.Error(bag, code, $"{RangeText(schema)}, found {node.RawNumber}", node);
    }

    // "must be at least 1", "must be greater than 0", or "must be in (0, 1]" when both ends are bounded.
    private static string RangeText(JsonElement schema)
    {
        string? low = null, high = null;
        bool lowOpen = false, highOpen = false;
        if (schema.TryGetProperty("minimum", out var v))
        {
            low = v.GetRawText();
        }
        else if (schema.TryGetProperty("exclusiveMinimum", out v))
        {
            low = v.GetRawText();
            lowOpen = true;
        }
        if (schema.TryGetProperty("maximum", out v))
        {
            high = v.GetRawText();
        }
        else if (schema.TryGetProperty("exclusiveMaximum", out v))
        {
            high = v.GetRawText();
            highOpen = true;
        }
        return (low, high) switch
        {
            ({ } l, { } h) => $"must be in {(lowOpen ? '(' : '[')}{l}, {h}{(highOpen ? ')' : ']')}",
            ({ } l, null) => lowOpen ? $"must be greater than {l}" : $"must be at least {l}",
            (null, { } h) => highOpen ? $"must be less than {h}" : $"must be at most {h}",
            _ => "is out of range",
        };
    }

    private void CheckArray(LocatedJson node, JsonElement schema)
    {
        int count = node.Items.Count;
        bool few = schema.TryGetProperty("minItems", out var min) && count < min.GetInt32();
        bool many = schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32();
        if (few || many)
        {
            string expected = min.ValueKind == JsonValueKind.Number && max.ValueKind == JsonValueKind.Number && min.GetInt32() == max.GetInt32()
                ? $"exactly {Items(min.GetInt32())}"
                : few ? $"at least {Items(min.GetInt32())}" : $"at most {Items(max.GetInt32())}";
            source.Error(bag, TopologyDiagnosticCodes.WrongItemCount, $"expected {expected}, found {count.ToString(CultureInfo.InvariantCulture)}", node);
        }
        if (schema.TryGetProperty("items", out var itemSchema))
        {
            foreach (var item in node.Items)
            {
                Validate(item, itemSchema);
            }
        }
    }

    private static string Items(int n) => n == 1 ? "1 item" : $"{n.ToString(CultureInfo.InvariantCulture)} items";

    private void CheckObject(LocatedJson node, JsonElement schema)
    {
        bool hasProperties = schema.TryGetProperty("properties", out var properties);
        var known = hasProperties ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];
        var missing = known.Where(k => node.Property(k) is null).ToList();
        // A misspelt required property gets one diagnostic, the "did you mean", not a second one.
        var suggested = node.Properties
            .Where(p => !known.Contains(p.Name))
            .Select(p => NameSuggestion.Closest(p.Name, missing))
            .ToHashSet();
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (node.Property(name) is null && !suggested.Contains(name))
                {
                    source.Error(bag, TopologyDiagnosticCodes.MissingProperty, $"missing required property '{name}'", node);
                }
            }
        }
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in node.Properties)
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(property.Value, propertySchema);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                string hint = NameSuggestion.Hint(property.Name, missing);
                if (hint.Length == 0)
                {
                    hint = $"; expected one of {string.Join(", ", known.Where(k => k != "$schema").Select(k => $"'{k}'"))}";
                }
                source.Error(bag, TopologyDiagnosticCodes.UnknownProperty, $"unknown property '{property.Name}'{hint}", property, property.Value.Path);
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Validate(property.Value, additional);
            }
        }
    }

    private static bool MatchesType(LocatedJson node, JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => MatchesType(node, t.GetString()!))
            : MatchesType(node, type.GetString()!);

    private static bool MatchesType(LocatedJson node, string type) => type switch
    {
        "object" => node.Kind == JsonKind.Object,
        "array" => node.Kind == JsonKind.Array,
        "string" => node.Kind == JsonKind.String,
        "number" => node.Kind == JsonKind.Number,
        "integer" => node.Kind == JsonKind.Number && double.IsFinite(node.Number) && Math.Floor(node.Number) == node.Number,
        "boolean" => node.Kind == JsonKind.Boolean,
        "null" => node.Kind == JsonKind.Null,
        _ => false,
    };

    private static string TypeText(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(t => Article(t.GetString()!)))
            : Article(type.GetString()!);

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    private static string Describe(LocatedJson node) => node.Kind switch
    {
        JsonKind.String => $"the string {node.Display}",
        JsonKind.Number => $"the number {node.RawNumber}",
        _ => node.Display,
    };

    private static bool JsonEquals(LocatedJson node, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => node.Kind == JsonKind.String && node.String == value.GetString(),
        JsonValueKind.Number => node.Kind == JsonKind.Number && node.Number == value.GetDouble(),
        JsonValueKind.True => node.Kind == JsonKind.Boolean && node.Boolean,
        JsonValueKind.False => node.Kind == JsonKind.Boolean && !node.Boolean,
        JsonValueKind.Null => node.Kind == JsonKind.Null,
        _ => false,
    };
}
