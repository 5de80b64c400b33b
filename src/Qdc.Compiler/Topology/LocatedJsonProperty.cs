namespace Qdc.Compiler.Topology;

/// <summary>One member of a JSON object, with the position of its name.</summary>
internal sealed record LocatedJsonProperty(string Name, int Line, int Column, int Length, LocatedJson Value);
