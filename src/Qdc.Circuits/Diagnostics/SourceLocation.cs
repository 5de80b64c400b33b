namespace Qdc.Circuits.Diagnostics;

/// <summary>A place in a source file: 1-based line and column, and the length of the offending text.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column, int Length = 1)
{
    public static SourceLocation None(string path) => new(path, 0, 0, 0);

    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}" : Path;
}
