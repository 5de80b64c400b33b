using System.Collections.Immutable;
using Antlr4.Runtime;
using Qdc.Circuits;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Binding;

/// <summary>Measurement in both syntaxes, and measurements whose result is not kept.</summary>
internal sealed partial class Binder
{
    private void BindMeasureArrow(QasmParser.MeasureArrowAssignmentStatementContext ctx, Scope scope)
    {
        var qubits = ResolveQubits(ctx.measureExpression().gateOperand(), scope);
        if (qubits.IsDefaultOrEmpty)
        {
            return;
        }
        if (ctx.indexedIdentifier() is not { } target)
        {
            MeasureDiscard(qubits);
            return;
        }
        var clbits = ResolveClbits(target, scope);
        if (!clbits.IsDefaultOrEmpty)
        {
            Measure(qubits, clbits, ctx);
        }
    }

    private void Measure(ImmutableArray<int> qubits, ImmutableArray<int> clbits, ParserRuleContext at) => Measure(qubits, clbits, Loc(at));

    private void Measure(ImmutableArray<int> qubits, ImmutableArray<int> clbits, Qdc.Circuits.Diagnostics.SourceLocation at)
    {
        if (qubits.Length != clbits.Length)
        {
            Error(QasmDiagnostics.MeasureSizeMismatch, $"cannot measure {qubits.Length} qubit{(qubits.Length == 1 ? "" : "s")} into {clbits.Length} bit{(clbits.Length == 1 ? "" : "s")}: the sizes must match", at);
            return;
        }
        for (int i = 0; i < qubits.Length; i++)
        {
            Emit(new MeasureOperation(qubits[i], clbits[i], _condition));
            _clbitKnown[clbits[i]] = Measured;
        }
    }

    /// <summary>`measure q;` keeps no result; the IR still needs bits, so they go to a hidden register.</summary>
    private void MeasureDiscard(ImmutableArray<int> qubits)
    {
        foreach (var q in qubits)
        {
            if (_discardRegister < 0)
            {
                _discardRegister = _builder.AddClassicalRegister(UniqueRegisterName("_discarded"), 1).Start;
                _clbitKnown.Add(Measured);
            }
            Emit(new MeasureOperation(q, _discardRegister, _condition));
        }
    }
}
