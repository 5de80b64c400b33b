using System.Collections.Immutable;
using Antlr4.Runtime;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Circuits.Gates;
using Qdc.Qasm.Generated;
using Qdc.Qasm.Syntax;

namespace Qdc.Qasm.Binding;

/// <summary>Declarations: registers, classical variables, inputs, aliases, includes and barriers.</summary>
internal sealed partial class Binder
{
    private void BindOldStyleDeclaration(QasmParser.OldStyleDeclarationStatementContext ctx, Scope scope)
    {
        var name = ctx.Identifier().Symbol;
        CheckQasm2Identifier(name);
        int size = ctx.designator() is { } d ? EvalSize(d.expression(), scope) : 1;
        if (size <= 0)
        {
            return;
        }
        if (ctx.QREG() is not null)
        {
            DeclareQubits(name, size, isSingle: ctx.designator() is null, scope);
        }
        else
        {
            DeclareBits(name, size, scope, isSingle: ctx.designator() is null);
        }
    }

    private void BindQuantumDeclaration(QasmParser.QuantumDeclarationStatementContext ctx, Scope scope)
    {
        var name = ctx.Identifier().Symbol;
        var designator = ctx.qubitType().designator();
        int size = designator is null ? 1 : EvalSize(designator.expression(), scope);
        if (size > 0)
        {
            DeclareQubits(name, size, designator is null, scope);
        }
    }

    private void DeclareQubits(IToken name, int size, bool isSingle, Scope scope)
    {
        if (scope != _global)
        {
            Error(QasmDiagnostics.Unsupported, "qubits can only be declared at the top level of a program", Loc(name));
            return;
        }
        if (!CheckFree(name, scope))
        {
            return;
        }
        var reg = _builder.AddQuantumRegister(UniqueRegisterName(name.Text), size);
        scope.TryDeclare(new QuantumSymbol(name.Text, Loc(name), [.. Enumerable.Range(reg.Start, size)], isSingle));
    }

    /// <summary>
    /// Bits declared in a loop body or a subroutine get a register per execution; the circuit
    /// names them name, name_1, name_2, … so its registers stay distinct.
    /// </summary>
    private string UniqueRegisterName(string name)
    {
        string unique = name;
        for (int i = 1; !_registerNames.Add(unique); i++)
        {
            unique = Invariant($"{name}_{i}");
        }
        return unique;
    }

    private ClassicalSymbol? DeclareBits(IToken name, int size, Scope scope, bool isSingle)
    {
        if (!CheckFree(name, scope))
        {
            return null;
        }
        var reg = _builder.AddClassicalRegister(UniqueRegisterName(name.Text), size);
        for (int i = 0; i < size; i++)
        {
            // Bits are zero at the start, but a test of them stays a run-time condition unless
            // the program gives them a constant itself: that keeps 'if (c == 0)' in the output.
            _clbitKnown.Add(Fresh);
        }
        var symbol = new ClassicalSymbol(name.Text, Loc(name), new ClassicalType(ScalarKind.Bit, isSingle ? 0 : size))
        {
            Clbits = [.. Enumerable.Range(reg.Start, size)],
        };
        scope.TryDeclare(symbol);
        return symbol;
    }

    private void BindClassicalDeclaration(
        QasmParser.ScalarTypeContext? scalar,
        QasmParser.ArrayTypeContext? array,
        IToken name,
        QasmParser.DeclarationExpressionContext? init,
        Scope scope,
        bool isConst)
    {
        if (array is not null)
        {
            Unsupported(array.Start, "arrays are not supported");
            return;
        }
        var type = EvalType(scalar!, scope);
        if (type.Kind is ScalarKind.Duration or ScalarKind.Stretch)
        {
            Unsupported(scalar!.Start, $"'{scalar.GetText()}' (timing) is not supported in input circuits: qdc schedules timing itself");
            return;
        }
        if (type.Kind == ScalarKind.Complex)
        {
            Unsupported(scalar!.Start, "'complex' values are not supported");
            return;
        }
        if (type.Kind == ScalarKind.Bit)
        {
            if (isConst)
            {
                var constValue = init?.expression() is { } ce ? Eval(ce, scope) : null;
                if (CheckFree(name, scope) && constValue is { } cv)
                {
                    scope.TryDeclare(new ClassicalSymbol(name.Text, Loc(name), type) { IsConst = true, Value = Convert(cv, type) });
                }
                return;
            }
            var bits = DeclareBits(name, Math.Max(1, type.Width), scope, type.Width == 0);
            if (bits is not null && init is not null)
            {
                AssignBits(bits.Clbits, init, scope, init.Start);
            }
            return;
        }
        if (!CheckFree(name, scope))
        {
            return;
        }
        Value? value = null;
        if (init is not null)
        {
            if (init.measureExpression() is { } m)
            {
                Unsupported(m.Start, $"a measurement into a '{type}' variable is run-time classical computation, which qdc does not support; measure into a bit register");
                return;
            }
            if (init.arrayLiteral() is { } lit)
            {
                Unsupported(lit.Start, "array literals are not supported");
                return;
            }
            value = Eval(init.expression(), scope) is { } v ? Convert(v, type) : null;
            if (value is null)
            {
                return;
            }
        }
        else if (isConst)
        {
            return;
        }
        else
        {
            // OpenQASM 3 leaves an uninitialised variable undefined; qdc uses zero, as simulators do.
            value = Convert(Value.FromInt(0), type);
        }
        scope.TryDeclare(new ClassicalSymbol(name.Text, Loc(name), type) { IsConst = isConst, Value = value });
    }

    private void BindIoDeclaration(QasmParser.IoDeclarationStatementContext ctx, Scope scope)
    {
        var name = ctx.Identifier().Symbol;
        if (ctx.arrayType() is { } a)
        {
            Unsupported(a.Start, "array inputs and outputs are not supported");
            return;
        }
        var type = EvalType(ctx.scalarType(), scope);
        if (ctx.OUTPUT() is not null)
        {
            // An output is an ordinary variable whose value the program reports.
            if (type.Kind == ScalarKind.Bit)
            {
                DeclareBits(name, Math.Max(1, type.Width), scope, type.Width == 0);
                return;
            }
            if (CheckFree(name, scope))
            {
                scope.TryDeclare(new ClassicalSymbol(name.Text, Loc(name), type) { Value = Convert(Value.FromInt(0), type) });
            }
            return;
        }
        if (!options.Parameters.TryGetValue(name.Text, out double given))
        {
            Error(QasmDiagnostics.MissingInput, $"no value for input '{name.Text}': pass it with --param {name.Text}=VALUE", Loc(name));
            given = 0;
        }
        if (CheckFree(name, scope))
        {
            scope.TryDeclare(new ClassicalSymbol(name.Text, Loc(name), type) { IsConst = true, Value = Convert(Value.FromFloat(given), type) });
        }
    }

    private void BindAlias(QasmParser.AliasDeclarationStatementContext ctx, Scope scope)
    {
        var name = ctx.Identifier().Symbol;
        var qubits = ImmutableArray.CreateBuilder<int>();
        foreach (var part in ctx.aliasExpression().expression())
        {
            if (ResolveQuantumExpression(part, scope) is not { } q)
            {
                return;
            }
            qubits.AddRange(q);
        }
        if (CheckFree(name, scope))
        {
            scope.TryDeclare(new QuantumSymbol(name.Text, Loc(name), qubits.ToImmutable(), IsSingle: false));
        }
    }

    private void BindInclude(QasmParser.IncludeStatementContext ctx, Scope scope)
    {
        var literal = (ctx.StringLiteral() ?? ctx.BitstringLiteral()).Symbol;
        string file = literal.Text[1..^1];
        if (scope != _global)
        {
            Error(QasmDiagnostics.IncludeNotAtTop, "'include' must be at the top level of a program", Loc(ctx.Start));
            return;
        }
        switch (file)
        {
            case "qelib1.inc":
                // Qiskit's qelib1.inc is a superset of the specification's; real circuits use its extra gates.
                _visible |= GateLibraries.SpecQelib1 | GateLibraries.QiskitQelib1;
                return;
            case "stdgates.inc":
                _visible |= GateLibraries.StdGates;
                return;
        }
        string dir = Path.GetDirectoryName(Path.GetFullPath(_source.Path)) ?? ".";
        string full = Path.GetFullPath(Path.Combine(dir, file));
        if (_includeStack.Contains(full))
        {
            Error(QasmDiagnostics.IncludeCycle, $"include cycle: '{file}' is already being included ({string.Join(" -> ", _includeStack.Reverse().Select(Path.GetFileName))} -> {Path.GetFileName(full)})", Loc(literal));
            return;
        }
        var bytes = options.ReadFile(full);
        if (bytes is null)
        {
            Error(QasmDiagnostics.MissingInclude, $"cannot find include file '{file}' next to '{Path.GetFileName(_source.Path)}'", Loc(literal));
            return;
        }
        var included = SourceText.FromBytes(Path.Combine(Path.GetDirectoryName(_source.Path) ?? "", file), bytes, diagnostics);
        if (included is null)
        {
            return;
        }
        var tree = QasmSyntaxTree.Parse(included, diagnostics);
        var outer = _source;
        _source = included;
        _includeStack.Push(full);
        foreach (var s in tree.Statements())
        {
            if (tree.SyntaxErrors == 0)
            {
                BindStatementOrScope(s, _global);
            }
        }
        _includeStack.Pop();
        _source = outer;
    }

    private void BindBarrier(QasmParser.BarrierStatementContext ctx, Scope scope)
    {
        var qubits = new List<int>();
        if (ctx.gateOperandList() is { } list)
        {
            foreach (var operand in list.gateOperand())
            {
                foreach (var q in ResolveQubits(operand, scope))
                {
                    if (!qubits.Contains(q))
                    {
                        qubits.Add(q);
                    }
                }
            }
        }
        else
        {
            // A bare 'barrier;' fences every qubit declared so far.
            qubits.AddRange(Enumerable.Range(0, _builder.QubitCount));
        }
        if (qubits.Count > 0)
        {
            Emit(new BarrierOperation([.. qubits]));
        }
    }
}
