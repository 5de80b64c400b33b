namespace Qdc.Benchmarks.Suites;

/// <summary>
/// A measurement that runs once and prints its own figures (ratios against a baseline measured in
/// the same run), for work too long for BenchmarkDotNet's repeated iterations.
/// </summary>
public interface ISuite
{
    /// <summary>The name given on the command line: <c>dotnet run -c Release --project tests/Qdc.Benchmarks -- NAME</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the suite with the remaining arguments; returns a process exit code.</summary>
    int Run(string[] args, TextWriter output);
}
