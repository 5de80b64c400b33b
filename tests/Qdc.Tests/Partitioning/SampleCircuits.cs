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

    /// <summary>Random cz gates on random pairs, each followed with probability ½ by an h on a random qubit.</summary>
    public static Circuit RandomCz(int n, int gates, int seed)
    {
        var rng = new Random(seed);
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", n);
        for (int i = 0; i < gates; i++)
        {
            int a = rng.Next(n);
            int c = (a + 1 + rng.Next(n - 1)) % n;
            b.Gate("cz", a, c);
            if (rng.Next(2) == 0)
            {
                b.Gate("h", rng.Next(n));
            }
        }
        return b.Build();
    }
}
