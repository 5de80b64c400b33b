using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>A circuit turned into steps: barriers dropped, runs of unconditional gates fused.</summary>
internal sealed class CompiledCircuit
{
    private CompiledCircuit(List<Step> steps) => Steps = steps;

    public List<Step> Steps { get; }

    /// <summary>Compiles operations [from, to) of <paramref name="circuit"/>.</summary>
    public static CompiledCircuit Compile(Circuit circuit, int fusionMaxQubits, int from = 0, int to = -1)
    {
        var ops = circuit.Operations;
        if (to < 0)
        {
            to = ops.Length;
        }
        var steps = new List<Step>();
        var run = new List<CompiledGate>();
        void Flush()
        {
            foreach (var g in GateFuser.Fuse(run, fusionMaxQubits))
            {
                steps.Add(new Step(StepKind.Gate, g, -1, -1, null));
            }
            run.Clear();
        }
        for (int i = from; i < to; i++)
        {
            switch (ops[i])
            {
                case BarrierOperation:
                    break;
                case GateOperation g when g.Condition is null:
                    run.Add(CompiledGate.From(g.Gate, [.. g.Qubits]));
                    break;
                case GateOperation g:
                    Flush();
                    steps.Add(new Step(StepKind.Gate, CompiledGate.From(g.Gate, [.. g.Qubits]), -1, -1, g.Condition));
                    break;
                case MeasureOperation m:
                    Flush();
                    steps.Add(new Step(StepKind.Measure, null, m.Qubit, m.Clbit, m.Condition));
                    break;
                case ResetOperation r:
                    Flush();
                    steps.Add(new Step(StepKind.Reset, null, r.Qubit, -1, r.Condition));
                    break;
                default:
                    throw new NotSupportedException($"operation {ops[i]} cannot be simulated");
            }
        }
        Flush();
        return new CompiledCircuit(steps);
    }

    /// <summary>
    /// Runs the steps on <paramref name="state"/>. Each measurement or reset asks
    /// <paramref name="choose"/> for its outcome (given the probability of 1 and the event's
    /// index); returns false when a chosen outcome has probability zero.
    /// </summary>
    public bool Execute(StateVector state, bool[] clbits, Func<int, double, int> choose, bool fromZero = false) =>
        Execute(state, clbits, (e, _, p1) => choose(e, p1), fromZero);

    /// <summary>
    /// As above; <paramref name="choose"/> also gets the clbit a measurement writes (-1 for a
    /// reset). <paramref name="fromZero"/> promises that the state is |0…0⟩, which spares reading it.
    /// </summary>
    public bool Execute(StateVector state, bool[] clbits, Func<int, int, double, int> choose, bool fromZero = false)
    {
        // Measured and reset qubits leave the amplitudes until a gate needs them again.
        var packed = new PackedState(state, fromZero);
        try
        {
            return Execute(packed, clbits, choose);
        }
        finally
        {
            packed.Unpack();
        }
    }

    private bool Execute(PackedState state, bool[] clbits, Func<int, int, double, int> choose)
    {
        int events = 0;
        var run = new List<CompiledGate>();
        foreach (var s in Steps)
        {
            if (s.Kind == StepKind.Gate && s.Condition is null)
            {
                run.Add(s.Gate!);
                continue;
            }
            state.Apply(run);
            run.Clear();
            if (s.Condition is { } c && !c.Holds(clbits))
            {
                continue;
            }
            if (s.Kind == StepKind.Gate)
            {
                state.Apply(s.Gate!);
                continue;
            }
            double p1 = state.ProbabilityOfOne(s.Qubit);
            int outcome = choose(events++, s.Kind == StepKind.Measure ? s.Clbit : -1, p1);
            double p = outcome == 1 ? p1 : 1 - p1;
            if (p <= Tolerance.ZeroProbability)
            {
                return false;
            }
            state.Project(s.Qubit, outcome, p);
            if (s.Kind == StepKind.Measure)
            {
                clbits[s.Clbit] = outcome == 1;
            }
            else
            {
                state.SetDropped(s.Qubit, false);
            }
        }
        state.Apply(run);
        return true;
    }
}
