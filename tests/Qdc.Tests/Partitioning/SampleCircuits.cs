using Qdc.Circuits;

namespace Qdc.Tests.Partitioning;

/// <summary>Small benchmark circuits built in code.</summary>
internal static class SampleCircuits
{
    public static Circuit Ghz(int n)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        b.Gate("h", 0);
        for (int i = 0; i + 1 < n; i++)
        {
            b.Gate("cx", i, i + 1);
        }
        return b.Build();
    }

    public static Circuit Cat(int n)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        b.Gate("h", 0);
        for (int i = 1; i < n; i++)
        {
            b.Gate("cx", 0, i);
        }
        return b.Build();
    }

    /// <summary>QFT with native controlled-phase gates and no final swaps.</summary>
    public static Circuit Qft(int n)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        for (int i = 0; i < n; i++)
        {
            b.Gate("h", i);
            for (int j = i + 1; j < n; j++)
            {
                b.Gate("cp", [Math.PI / (1 << Math.Min(j - i, 30))], j, i);
            }
        }
        return b.Build();
    }
}
