namespace Qdc.Compiler.Topology;

/// <summary>
/// An undirected link between QPUs <see cref="A"/> and <see cref="B"/> (indices into
/// <see cref="Topology.Qpus"/>, in the order the file gives them) that generates EPR pairs.
/// </summary>
public sealed record Link(int A, int B, double EprRate, double EprFidelity, double Latency, int ParallelPairs)
{
    public const double DefaultEprRate = 1000;
    public const double DefaultEprFidelity = 1.0;
    public const double DefaultLatency = 0;
    public const int DefaultParallelPairs = 1;

    /// <summary>A link with every optional field at its documented default.</summary>
    public static Link WithDefaults(int a, int b) => new(a, b, DefaultEprRate, DefaultEprFidelity, DefaultLatency, DefaultParallelPairs);

    public int Other(int qpu) => qpu == A ? B : A;

    public bool Joins(int x, int y) => (A == x && B == y) || (A == y && B == x);
}
