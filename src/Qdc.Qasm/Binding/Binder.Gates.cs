using System.Collections.Immutable;
using Antlr4.Runtime;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Qasm.Generated;

namespace Qdc.Qasm.Binding;

internal sealed partial class Binder
{
    private void BindGateDefinition(QasmParser.GateStatementContext ctx, Scope scope)
    {
        var name = ctx.Identifier().Symbol;
        CheckQasm2Identifier(name);
        if (scope != _global)
        {
            Error(QasmDiagnostics.Unsupported, "gates can only be defined at the top level of a program", Loc(name));
            return;
        }
        var parameters = Names(ctx.@params);
        var qubits = Names(ctx.qubits);
        if (parameters is null || qubits is null)
        {
            return;
        }
        CheckGateBody(ctx.scope());
        // A file may define its own gate of a library name (the spec's 'gate cu'); its own wins.
        Declare(scope, new GateSymbol(name.Text, Loc(name), parameters.Value, qubits.Value, ctx.scope()));
    }

    private void BindOpaque(QasmParser.OpaqueStatementContext ctx, Scope scope)
    {
        var name = ctx.Identifier().Symbol;
        var parameters = Names(ctx.@params);
        var qubits = Names(ctx.qubits);
        if (parameters is not null && qubits is not null)
        {
            Declare(scope, new GateSymbol(name.Text, Loc(name), parameters.Value, qubits.Value, null));
        }
    }

    private ImmutableArray<string>? Names(QasmParser.IdentifierListContext? list)
    {
        if (list is null)
        {
            return [];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in list.Identifier())
        {
            if (!seen.Add(id.GetText()))
            {
                Error(QasmDiagnostics.Redeclared, $"'{id.GetText()}' appears twice in the gate's signature", Loc(id.Symbol));
                return null;
            }
        }
        return [.. list.Identifier().Select(i => i.GetText())];
    }

    /// <summary>Gate bodies hold only gate applications, barriers and loops over them.</summary>
    private void CheckGateBody(QasmParser.ScopeContext body)
    {
        foreach (var s in body.statementOrScope())
        {
            if (s.scope() is { } inner)
            {
                CheckGateBody(inner);
                continue;
            }
            var stmt = s.statement();
            var child = stmt.GetChild(stmt.ChildCount - 1);
            switch (child)
            {
                case QasmParser.GateCallStatementContext or QasmParser.BarrierStatementContext or QasmParser.NopStatementContext:
                    break;
                case QasmParser.ForStatementContext f when !_qasm2:
                    if (f.body.scope() is { } b)
                    {
                        CheckGateBody(b);
                    }
                    break;
                default:
                    Error(QasmDiagnostics.GateBodyStatement, $"a gate body may only apply gates; '{((ParserRuleContext)child).Start.Text}' is not allowed here", Loc(((ParserRuleContext)child).Start));
                    break;
            }
        }
    }

    // ---- gate calls ----

    private void BindGateCall(QasmParser.GateCallStatementContext ctx, Scope scope)
    {
        var nameToken = ctx.Identifier()?.Symbol ?? ctx.GPHASE().Symbol;
        string name = nameToken.Text;
        if (ctx.designator() is { } d)
        {
            Unsupported(d.Start, "a gate with a duration ('gate[duration]') is not supported: qdc schedules timing itself");
            return;
        }

        // Modifiers: ctrl and negctrl add leading controls; pow and inv multiply one exponent.
        double exponent = 1;
        var controlSigns = new List<bool>();
        foreach (var m in ctx.gateModifier())
        {
            if (m.INV() is not null)
            {
                exponent = -exponent;
            }
            else if (m.POW() is not null)
            {
                if (Eval(m.expression(), scope) is not { } p)
                {
                    return;
                }
                exponent *= p.AsDouble;
            }
            else
            {
                long n = 1;
                if (m.expression() is { } e && (Eval(e, scope) is not { } c || !TryInteger(c, out n) || n < 1))
                {
                    Error(QasmDiagnostics.BadArgument, "the number of controls must be a positive integer", Loc(e));
                    return;
                }
                for (int i = 0; i < n; i++)
                {
                    controlSigns.Add(m.CTRL() is not null);
                }
            }
        }

        var args = ctx.expressionList()?.expression() ?? [];
        var parameters = new double[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            if (Eval(args[i], scope) is not { } v)
            {
                return;
            }
            parameters[i] = v.AsDouble;
        }

        if (scope.Lookup(name) is SubroutineSymbol sub && ctx.gateModifier().Length == 0)
        {
            // Early OpenQASM 3 called subroutines like gates: name(classical args) qubits;
            ParserRuleContext[] callArgs = [.. args, .. ctx.gateOperandList()?.gateOperand() ?? []];
            CallSubroutine(sub, callArgs, nameToken, scope, default);
            return;
        }
        var target = ResolveGate(name, nameToken, scope);
        if (target is null)
        {
            return;
        }
        var (paramCount, qubitCount) = target.Value;
        if (parameters.Length != paramCount)
        {
            Error(QasmDiagnostics.GateParameterCount, $"gate '{name}' takes {paramCount} parameter{(paramCount == 1 ? "" : "s")}, but {parameters.Length} {(parameters.Length == 1 ? "was" : "were")} given", Loc(ctx.LPAREN()?.Symbol ?? nameToken));
            return;
        }
        var operands = ctx.gateOperandList()?.gateOperand() ?? [];
        int expected = qubitCount + controlSigns.Count;
        if (operands.Length != expected && !(name == "gphase" && operands.Length == 0 && controlSigns.Count == 0))
        {
            Error(QasmDiagnostics.GateArity, $"gate '{name}' acts on {expected} qubit{(expected == 1 ? "" : "s")}, but {operands.Length} {(operands.Length == 1 ? "was" : "were")} given", Loc(operands.Length > 0 ? operands[0].Start : nameToken));
            return;
        }
        if (name == "gphase" && controlSigns.Count == 0 && operands.Length > 0)
        {
            // gphase on qubits is still a global phase.
            foreach (var o in operands)
            {
                ResolveQubits(o, scope);
            }
            EmitPhase(exponent * parameters[0]);
            return;
        }

        // Broadcast register operands (cx q, r;): every register operand must have the same size.
        var resolved = new ImmutableArray<int>[operands.Length];
        int width = 1;
        for (int i = 0; i < operands.Length; i++)
        {
            resolved[i] = ResolveQubits(operands[i], scope);
            if (resolved[i].IsDefaultOrEmpty)
            {
                return;
            }
            if (resolved[i].Length > 1 || !IsSingleOperand(operands[i], scope))
            {
                if (width > 1 && resolved[i].Length != width)
                {
                    Error(QasmDiagnostics.BroadcastMismatch, $"registers of different sizes in one gate call: {width} and {resolved[i].Length} qubits", Loc(operands[i]));
                    return;
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
            if (HasDuplicate(qubits, out int dup))
            {
                Error(QasmDiagnostics.DuplicateOperand, $"qubit {QubitDisplay(dup)} is used twice in one gate call", Loc(ctx));
                return;
            }
            ApplyModified(name, nameToken, parameters, exponent, controlSigns, qubits, scope);
        }
    }

    /// <summary>The parameter and qubit count of a gate name, or null (with a diagnostic) when unknown.</summary>
    private (int Params, int Qubits)? ResolveGate(string name, IToken at, Scope scope)
    {
        switch (scope.Lookup(name))
        {
            case GateSymbol g:
                if (g.Body is null)
                {
                    Error(QasmDiagnostics.OpaqueGate, $"gate '{name}' is opaque: it has no definition that qdc could compile", Loc(at));
                    return null;
                }
                return (g.Parameters.Length, g.QubitNames.Length);
            case null:
                break;
            default:
                Error(QasmDiagnostics.UnknownGate, $"'{name}' is not a gate", Loc(at));
                return null;
        }
        if (name == "gphase" && !_qasm2)
        {
            return (1, 0);
        }
        if (GateLibrary.TryGet(name, out var def) && (def.Libraries & _visible) != 0)
        {
            return (def.ParameterCount, def.Qubits);
        }
        string hint = GateLibrary.TryGet(name, out var known) && known.Libraries != GateLibraries.None
            ? (known.Libraries & (GateLibraries.QiskitQelib1 | GateLibraries.SpecQelib1)) != 0 && _qasm2
                ? "; add include \"qelib1.inc\";"
                : (known.Libraries & GateLibraries.StdGates) != 0 ? "; add include \"stdgates.inc\";" : ""
            : "";
        Error(QasmDiagnostics.UnknownGate, $"unknown gate '{name}'{hint}", Loc(at));
        return null;
    }

    /// <summary>
    /// Applies a gate under modifiers: negative controls are conjugated by X, the exponent becomes
    /// repetition, inversion or a scaled rotation, and controls are added last (they commute with
    /// both).
    /// </summary>
    private void ApplyModified(string name, IToken at, double[] parameters, double exponent, List<bool> controlSigns, int[] qubits, Scope scope)
    {
        int nc = controlSigns.Count;
        if (nc == 0 && exponent == 1)
        {
            // The common case, a plain gate: no buffer to fill and copy.
            ApplyOnce(name, parameters, qubits, scope);
            return;
        }
        for (int i = 0; i < nc; i++)
        {
            if (!controlSigns[i])
            {
                Emit(new GateOperation(Gate.Create("x"), [qubits[i]], _condition));
            }
        }
        var controls = qubits[..nc];
        var targets = qubits[nc..];
        var ops = new List<Emitted>();
        var saved = _buffer;
        _buffer = ops;
        try
        {
            ApplyPower(name, at, parameters, exponent, targets, scope);
        }
        finally
        {
            _buffer = saved;
        }
        foreach (var e in ops)
        {
            foreach (var c in Control(e, controls))
            {
                if (c.Op is { } op)
                {
                    Emit(op);
                }
                else
                {
                    EmitPhase(c.Phase);
                }
            }
        }
        for (int i = 0; i < nc; i++)
        {
            if (!controlSigns[i])
            {
                Emit(new GateOperation(Gate.Create("x"), [qubits[i]], _condition));
            }
        }
    }

    private void ApplyPower(string name, IToken at, double[] parameters, double exponent, int[] qubits, Scope scope)
    {
        if (exponent == 1)
        {
            ApplyOnce(name, parameters, qubits, scope);
            return;
        }
        bool standard = scope.Lookup(name) is null;
        // inv @ keeps the library's own inverse (s → sdg); other powers of rotations scale the angle.
        if (standard && exponent != -1 && PowerRules.TryScale(name, parameters, exponent, out var scaledName, out var scaled))
        {
            ApplyOnce(scaledName, scaled, qubits, scope);
            return;
        }
        if (Math.Abs(exponent - Math.Round(exponent)) > 1e-12)
        {
            Unsupported(at, Invariant($"pow({exponent}) on gate '{name}' is not supported: non-integer powers are supported only for rotation and phase gates"));
            return;
        }
        long k = (long)Math.Round(exponent);
        if (Math.Abs(k) > options.LoopLimit)
        {
            Error(QasmDiagnostics.LoopLimit, Invariant($"pow({k}) would repeat the gate more than {options.LoopLimit} times"), Loc(at));
            return;
        }
        var body = new List<Emitted>();
        var saved = _buffer;
        _buffer = body;
        try
        {
            ApplyOnce(name, parameters, qubits, scope);
        }
        finally
        {
            _buffer = saved;
        }
        var once = k < 0 ? Invert(body) : body;
        for (long i = 0; i < Math.Abs(k); i++)
        {
            _buffer!.AddRange(once);
        }
    }

    /// <summary>One application of a standard or user gate on distinct qubits.</summary>
    private void ApplyOnce(string name, double[] parameters, int[] qubits, Scope scope)
    {
        if (scope.Lookup(name) is GateSymbol { Body: { } body } g)
        {
            var inner = new Scope(_global, isGateBody: true);
            for (int i = 0; i < g.Parameters.Length; i++)
            {
                inner.TryDeclare(new ClassicalSymbol(g.Parameters[i], g.Declared, new ClassicalType(ScalarKind.Angle, 0)) { IsConst = true, Value = Value.FromFloat(parameters[i]) });
            }
            for (int i = 0; i < g.QubitNames.Length; i++)
            {
                inner.TryDeclare(new QuantumSymbol(g.QubitNames[i], g.Declared, [qubits[i]], IsSingle: true));
            }
            // Conditions apply to the gate as a whole; the body's gates inherit it on emission.
            _gateDepth++;
            try
            {
                BindBlock(body, inner);
            }
            finally
            {
                _gateDepth--;
            }
            return;
        }
        if (name == "gphase")
        {
            EmitPhase(parameters[0]);
            return;
        }
        var def = GateLibrary.Get(name);
        if (!_qasm2 && def.Qasm3GlobalPhase(parameters) is var phase && phase != 0)
        {
            // stdgates.inc defines u2 and u3 with a gphase; it is invisible alone but not under ctrl @.
            EmitPhase(phase);
        }
        Emit(new GateOperation(new Gate(def, [.. parameters]), [.. qubits], _condition));
    }

    private static List<Emitted> Invert(List<Emitted> ops)
    {
        var result = new List<Emitted>(ops.Count);
        for (int i = ops.Count - 1; i >= 0; i--)
        {
            var e = ops[i];
            result.Add(e.Op is GateOperation g ? new Emitted(new GateOperation(Inverse(g.Gate), g.Qubits, g.Condition), 0)
                : e.Op is null ? new Emitted(null, -e.Phase)
                : e);
        }
        return result;
    }

    private static Gate Inverse(Gate gate)
    {
        var (name, p) = gate.Definition.Inverse([.. gate.Parameters]);
        return new Gate(GateLibrary.Get(name), [.. p], gate.Controls);
    }

    /// <summary>Adds control qubits to one emitted operation; a global phase becomes a phase gate on them.</summary>
    private static IEnumerable<Emitted> Control(Emitted e, int[] controls)
    {
        if (controls.Length == 0)
        {
            yield return e;
            yield break;
        }
        if (e.Op is null)
        {
            // A controlled global phase is a phase on the controls being all one.
            var phase = ControlledForms.Add(Gate.Create("p", e.Phase), controls.Length - 1);
            yield return new Emitted(new GateOperation(phase, [.. controls]), 0);
            yield break;
        }
        switch (e.Op)
        {
            case GateOperation g:
                yield return new Emitted(new GateOperation(ControlledForms.Add(g.Gate, controls.Length), [.. controls, .. g.Qubits], g.Condition), 0);
                break;
            case BarrierOperation:
                break;
            default:
                yield return e;
                break;
        }
    }

    private static bool HasDuplicate(int[] qubits, out int duplicate)
    {
        for (int i = 0; i < qubits.Length; i++)
        {
            for (int j = i + 1; j < qubits.Length; j++)
            {
                if (qubits[i] == qubits[j])
                {
                    duplicate = qubits[i];
                    return true;
                }
            }
        }
        duplicate = -1;
        return false;
    }

    private string QubitDisplay(int q)
    {
        var c = _builder.Build();
        return c.QubitName(q);
    }
}
