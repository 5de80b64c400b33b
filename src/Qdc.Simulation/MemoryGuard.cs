using System.Globalization;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Simulation;

/// <summary>
/// Refuses a state that would not fit, before allocating it: paging a 2^n array to disk would
/// take the machine down long before the simulation finished.
/// </summary>
public static class MemoryGuard
{
    /// <summary>Bytes of a complex128 state on <paramref name="qubits"/> qubits (saturating).</summary>
    public static long BytesNeeded(int qubits) => qubits >= 59 ? long.MaxValue : 16L << qubits;

    /// <summary>Memory the runtime can still hand out: the machine's or container's limit less what is in use.</summary>
    public static long BytesAvailable()
    {
        var info = GC.GetGCMemoryInfo();
        return Math.Max(0, info.TotalAvailableMemoryBytes - info.MemoryLoadBytes);
    }

    /// <summary>
    /// Null when <paramref name="copies"/> states on <paramref name="qubits"/> qubits fit; otherwise
    /// a diagnostic naming the bytes needed and available.
    /// </summary>
    public static Diagnostic? Check(int qubits, SimulationOptions options, int copies = 1)
    {
        var at = SourceLocation.None(options.SourcePath);
        int max = Math.Min(options.MaxQubits, StateVector.MaxQubits);
        if (qubits > max)
        {
            return new Diagnostic(Severity.Error, SimulationCodes.TooManyQubits, string.Create(CultureInfo.InvariantCulture,
                $"the circuit has {qubits} qubits; the statevector simulator handles at most {max} ({FormatBytes(BytesNeeded(qubits))} needed, {FormatBytes(options.MemoryLimitBytes ?? BytesAvailable())} available)"), at);
        }
        long one = BytesNeeded(qubits);
        long needed = one > long.MaxValue / copies ? long.MaxValue : one * copies;
        long available = options.MemoryLimitBytes ?? BytesAvailable();
        if (needed > available)
        {
            return new Diagnostic(Severity.Error, SimulationCodes.OutOfMemory, string.Create(CultureInfo.InvariantCulture,
                $"a statevector of {qubits} qubits needs {FormatBytes(needed)} ({needed} bytes) but only {FormatBytes(available)} ({available} bytes) is available"), at);
        }
        return null;
    }

    public static string FormatBytes(long bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.Length - 1)
        {
            v /= 1024;
            u++;
        }
        return u == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{v:0.#} {units[u]}");
    }
}
