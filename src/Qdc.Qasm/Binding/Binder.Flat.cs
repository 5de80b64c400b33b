using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Qasm.Syntax;

namespace Qdc.Qasm.Binding;

/// <summary>
/// Binding the fast path's flat statements. It uses the same declarations, gate resolution and
/// application as the full path; any diagnostic makes the caller throw this result away and
/// read the file again through the grammar, so the diagnostics a user sees are always the full
/// path's.
/// </summary>
internal sealed partial class Binder
{
    public Circuit? BindFlat(SourceText source, string? version, IEnumerable<FlatStatement?> statements)
    {
        _source = source;
        _qasm2 = version is not null && version.StartsWith('2');
        _visible = _qasm2 ? Circuits.Gates.GateLibraries.Qasm2Builtin : Circuits.Gates.GateLibraries.Qasm3Builtin;
        _includeStack.Push(Path.GetFullPath(_source.Path));
        try
        {
            foreach (var s in statements)
            {
                if (s is null || !BindFlatStatement(s) || diagnostics.Count > 0)
                {
                    return null;
                }
            }
        }
        catch (OperationBudgetExceeded)
        {
            return null;
        }
        catch (TooManyErrors)
        {
            return null;
        }
        return _builder.Build();
    }

    private bool BindFlatStatement(FlatStatement s)
    {
        switch (s.Kind)
        {
            case FlatKind.Include:
                switch (s.File!.Text)
                {
                    case "\"qelib1.inc\"":
                        _visible |= Circuits.Gates.GateLibraries.SpecQelib1 | Circuits.Gates.GateLibraries.QiskitQelib1;
                        return true;
                    case "\"stdgates.inc\"":
                        _visible |= Circuits.Gates.GateLibraries.StdGates;
                        return true;
                    default:
                        return false;
                }
            case FlatKind.QuantumRegister or FlatKind.ClassicalRegister:
                // A register that shadows a constant would change what the fast path evaluated.
                if (s.Name.Text is "pi" or "tau" or "euler" || s.Size is <= 0 or > 1 << 24)
                {
                    return false;
                }
                CheckQasm2Identifier(s.Name);
                if (s.Kind == FlatKind.QuantumRegister)
                {
                    DeclareQubits(s.Name, (int)s.Size, s.IsSingle, _global);
                }
                else
                {
                    DeclareBits(s.Name, (int)s.Size, _global, s.IsSingle);
                }
                return true;
            case FlatKind.Gate:
                return BindFlatGate(s);
            case FlatKind.Measure:
                var qubits = FlatOperand(s.Operands![0], quantum: true);
                var clbits = FlatOperand(s.Operands[1], quantum: false);
                if (qubits.IsDefault || clbits.IsDefault)
                {
                    return false;
                }
                Measure(qubits, clbits, Loc(s.Name));
                return true;
            case FlatKind.Reset:
                var reset = FlatOperand(s.Operands![0], quantum: true);
                foreach (var q in reset.IsDefault ? [] : reset)
                {
                    Emit(new ResetOperation(q, _condition));
                }
                return !reset.IsDefault;
            default:
                var fenced = new List<int>();
                foreach (var o in s.Operands!)
                {
                    var r = FlatOperand(o, quantum: true);
                    if (r.IsDefault)
                    {
                        return false;
                    }
                    fenced.AddRange(r.Where(q => !fenced.Contains(q)));
                }
                if (s.Operands.Length == 0)
                {
                    fenced.AddRange(Enumerable.Range(0, _builder.QubitCount));
                }
                if (fenced.Count > 0)
                {
                    Emit(new BarrierOperation([.. fenced]));
                }
                return true;
        }
    }

    private bool BindFlatGate(FlatStatement s)
    {
        string name = s.Name.Text;
        if (_global.Lookup(name) is not null || ResolveGate(name, s.Name, _global) is not var (paramCount, qubitCount))
        {
            return false;
        }
        var operands = s.Operands!;
        if (s.Parameters!.Length != paramCount || operands.Length != qubitCount)
        {
            return false;
        }
        var resolved = new ImmutableArray<int>[operands.Length];
        int width = 1;
        for (int i = 0; i < operands.Length; i++)
        {
            resolved[i] = FlatOperand(operands[i], quantum: true);
            if (resolved[i].IsDefaultOrEmpty)
            {
                return false;
            }
            bool single = operands[i].IsIndexed || _global.Lookup(operands[i].Name) is QuantumSymbol { IsSingle: true };
            if (!single)
            {
                if (width > 1 && resolved[i].Length != width)
                {
                    return false;
                }
                width = resolved[i].Length;
            }
        }
        var qubits = new int[operands.Length];
        for (int k = 0; k < width; k++)
        {
            for (int i = 0; i < operands.Length; i++)
            {
                qubits[i] = resolved[i].Length == 1 ? resolved[i][0] : resolved[i][k];
            }
            if (HasDuplicate(qubits, out _))
            {
                return false;
            }
            ApplyOnce(name, s.Parameters, qubits, _global);
        }
        return true;
    }

    /// <summary>The qubits or clbits a flat operand names; default when it names anything else.</summary>
    private ImmutableArray<int> FlatOperand(FlatOperand o, bool quantum)
    {
        var bits = (_global.Lookup(o.Name), quantum) switch
        {
            (QuantumSymbol q, true) => q.Qubits,
            (ClassicalSymbol { IsBitRegister: true } c, false) => c.Clbits,
            _ => default,
        };
        if (bits.IsDefault || !o.IsIndexed)
        {
            return bits;
        }
        return o.Index < bits.Length ? [bits[o.Index]] : default;
    }
}
