using System.Globalization;
using System.Text;
using Qdc.Circuits;
using Qdc.Circuits.Gates;

namespace Qdc.Qasm.Writing;

/// <summary>
/// Writes a circuit as OpenQASM 3 (always possible) or OpenQASM 2.0 (when the circuit allows:
/// qelib1.inc gates only, conditions on whole registers). Reading the text back with
/// <see cref="QasmFrontEnd"/> gives the same circuit: parameters are written in shortest
/// round-trip form and every gate under its own library name.
/// </summary>
public static class QasmWriter
{
    /// <summary>OpenQASM 3. Gates outside stdgates.inc come from qelib1.inc, which qdc's reader also takes in OpenQASM 3.</summary>
    public static string WriteQasm3(Circuit circuit)
    {
        var sb = new StringBuilder("OPENQASM 3.0;\n").Append(Includes3(circuit.Operations));
        foreach (var r in circuit.QuantumRegisters.Where(r => !IsHardware(r.Name)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"qubit[{r.Size}] {r.Name};\n");
        }
        foreach (var r in circuit.ClassicalRegisters)
        {
            sb.Append(CultureInfo.InvariantCulture, $"bit[{r.Size}] {r.Name};\n");
        }
        // stdgates.inc's u2 and u3 carry a phase of their own; the gphase written makes up for it.
        double phase = circuit.GlobalPhase;
        foreach (var op in circuit.Operations)
        {
            if (op is GateOperation { Gate.Controls: 0 } g)
            {
                phase -= g.Gate.Definition.Qasm3GlobalPhase(g.Gate.Parameters.AsSpan());
            }
        }
        if (phase != 0)
        {
            sb.Append("gphase(").Append(Number(phase)).Append(");\n");
        }
        foreach (var op in circuit.Operations)
        {
            Statement3(sb, circuit, op);
        }
        return sb.ToString();
    }

    /// <summary>The include lines an OpenQASM 3 program with these operations needs.</summary>
    public static string Includes3(IEnumerable<Operation> operations) =>
        operations.Any(o => o is GateOperation g && NeedsQelib1(g.Gate.Definition))
            ? "include \"stdgates.inc\";\ninclude \"qelib1.inc\";\n"
            : "include \"stdgates.inc\";\n";

    /// <summary>One operation as an OpenQASM 3 statement line (with its condition), bits named as <paramref name="circuit"/> names them.</summary>
    public static void Statement3(StringBuilder sb, Circuit circuit, Operation op)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(circuit);
        if (op.Condition is { } c)
        {
            sb.Append("if (").Append(Condition3(circuit, c)).Append(") ");
        }
        switch (op)
        {
            case GateOperation g:
                sb.Append(Gate3(g.Gate)).Append(' ').Append(Operands(circuit, g.Qubits)).Append(";\n");
                break;
            case MeasureOperation m:
                sb.Append(circuit.ClbitName(m.Clbit)).Append(" = measure ").Append(Qubit(circuit, m.Qubit)).Append(";\n");
                break;
            case ResetOperation r:
                sb.Append("reset ").Append(Qubit(circuit, r.Qubit)).Append(";\n");
                break;
            case BarrierOperation b:
                sb.Append("barrier ").Append(Operands(circuit, b.Qubits)).Append(";\n");
                break;
        }
    }

    /// <summary>A number as qdc writes every parameter: shortest round-trip, invariant culture.</summary>
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Why a circuit cannot be OpenQASM 2.0, or null when it can.</summary>
    public static string? Qasm2Obstacle(Circuit circuit)
    {
        foreach (var r in circuit.QuantumRegisters.Concat(circuit.ClassicalRegisters))
        {
            if (r.Name.Length == 0 || !char.IsAsciiLetterLower(r.Name[0]))
            {
                return $"register '{r.Name}' does not start with a lowercase letter";
            }
        }
        foreach (var op in circuit.Operations)
        {
            if (op is GateOperation g && (g.Gate.Controls > 0 || (g.Gate.Definition.Libraries & (GateLibraries.QiskitQelib1 | GateLibraries.Qasm2Builtin)) == 0))
            {
                return $"gate '{g.Gate}' is not in qelib1.inc";
            }
            if (op.Condition is { } c && (!c.Equal || WholeRegister(circuit, c) is null))
            {
                return "a condition is not an equality test on one whole register";
            }
        }
        return null;
    }

    /// <summary>OpenQASM 2.0; throws when <see cref="Qasm2Obstacle"/> names a reason.</summary>
    public static string WriteQasm2(Circuit circuit)
    {
        if (Qasm2Obstacle(circuit) is { } reason)
        {
            throw new InvalidOperationException($"cannot write OpenQASM 2.0: {reason}");
        }
        var sb = new StringBuilder("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        foreach (var r in circuit.QuantumRegisters)
        {
            sb.Append(CultureInfo.InvariantCulture, $"qreg {r.Name}[{r.Size}];\n");
        }
        foreach (var r in circuit.ClassicalRegisters)
        {
            sb.Append(CultureInfo.InvariantCulture, $"creg {r.Name}[{r.Size}];\n");
        }
        foreach (var op in circuit.Operations)
        {
            if (op.Condition is { } c)
            {
                sb.Append("if(").Append(WholeRegister(circuit, c)!.Name).Append("==").Append(c.Value.ToString(CultureInfo.InvariantCulture)).Append(") ");
            }
            switch (op)
            {
                case GateOperation g:
                    sb.Append(Gate3(g.Gate)).Append(' ').Append(Operands(circuit, g.Qubits)).Append(";\n");
                    break;
                case MeasureOperation m:
                    sb.Append("measure ").Append(circuit.QubitName(m.Qubit)).Append(" -> ").Append(circuit.ClbitName(m.Clbit)).Append(";\n");
                    break;
                case ResetOperation r:
                    sb.Append("reset ").Append(circuit.QubitName(r.Qubit)).Append(";\n");
                    break;
                case BarrierOperation b:
                    sb.Append("barrier ").Append(Operands(circuit, b.Qubits)).Append(";\n");
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool NeedsQelib1(GateDefinition d) =>
        (d.Libraries & (GateLibraries.StdGates | GateLibraries.Qasm3Builtin)) == 0 && (d.Libraries & GateLibraries.QiskitQelib1) != 0;

    private static string Gate3(Gate gate)
    {
        var sb = new StringBuilder();
        if (gate.Controls > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"ctrl({gate.Controls}) @ ");
        }
        var def = gate.Definition;
        var parameters = gate.Parameters;
        string name = def.Name;
        // Inverses with no name of their own (csx_dg, …) are written as inv @ of the gate they undo.
        if (def.Libraries == GateLibraries.None && name.EndsWith("_dg", StringComparison.Ordinal))
        {
            sb.Append("inv @ ");
            name = name[..^3];
        }
        sb.Append(name);
        if (parameters.Length > 0)
        {
            sb.Append('(').AppendJoin(", ", parameters.Select(Number)).Append(')');
        }
        return sb.ToString();
    }

    private static string Condition3(Circuit circuit, Condition c)
    {
        if (WholeRegister(circuit, c) is { } reg)
        {
            return $"{reg.Name} {(c.Equal ? "==" : "!=")} {c.Value.ToString(CultureInfo.InvariantCulture)}";
        }
        var terms = c.Clbits.Select((b, i) => $"{circuit.ClbitName(b)} == {((c.Value >> i) & 1).ToString(CultureInfo.InvariantCulture)}");
        string all = string.Join(" && ", terms);
        return c.Equal ? all : c.Clbits.Length == 1 ? all.Replace(" == ", " != ", StringComparison.Ordinal) : $"!({all})";
    }

    private static Register? WholeRegister(Circuit circuit, Condition c)
    {
        foreach (var r in circuit.ClassicalRegisters)
        {
            if (r.Size == c.Clbits.Length && c.Clbits.Select((b, i) => b == r.Start + i).All(x => x))
            {
                return r;
            }
        }
        return null;
    }

    private static string Operands(Circuit circuit, IEnumerable<int> qubits) => string.Join(", ", qubits.Select(q => Qubit(circuit, q)));

    private static string Qubit(Circuit circuit, int q)
    {
        string name = circuit.QubitName(q);
        // Hardware qubits live in one-qubit registers named $n; they are written bare.
        return name[0] == '$' ? name[..name.IndexOf('[', StringComparison.Ordinal)] : name;
    }

    private static bool IsHardware(string name) => name.StartsWith('$');

}
