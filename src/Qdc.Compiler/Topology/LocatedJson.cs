namespace Qdc.Compiler.Topology;

/// <summary>
/// A JSON value that remembers where it was written (1-based line and column, length in characters)
/// and its JSON path, so every diagnostic about it can point at the text. JsonDocument keeps neither.
/// </summary>
internal sealed class LocatedJson
{
    public required JsonKind Kind { get; init; }

    /// <summary>The JSON path, e.g. <c>$.links[2].between[1]</c>.</summary>
    public required string Path { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    public int Length { get; init; } = 1;

    public string? String { get; init; }

    public double Number { get; init; }

    /// <summary>The number as written, for messages.</summary>
    public string? RawNumber { get; init; }

    public bool Boolean { get; init; }

    public IReadOnlyList<LocatedJsonProperty> Properties { get; init; } = [];

    public IReadOnlyList<LocatedJson> Items { get; init; } = [];

    public LocatedJsonProperty? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    public LocatedJson? this[string name] => Property(name)?.Value;

    /// <summary>The value as text for a message: strings quoted, numbers as written.</summary>
    public string Display => Kind switch
    {
        JsonKind.String => $"'{String}'",
        JsonKind.Number => RawNumber ?? "?",
        JsonKind.Boolean => Boolean ? "true" : "false",
        JsonKind.Null => "null",
        JsonKind.Array => "an array",
        _ => "an object",
    };
}
