using Qdc.Qasm.NodePrograms;

namespace Qdc.Compiler.Emission;

/// <summary>
/// One QPU's share of a distributed program, in program order, on its own qubits (data first,
/// then communication) and clbits (the source's, then its own network bits).
/// </summary>
internal sealed class NodeStream(int qpu)
{
    private readonly List<Slot> _slots = [];

    public int Qpu { get; } = qpu;

    public int DataQubits { get; set; }

    public int CommQubits { get; set; }

    /// <summary>Network clbits this node measures or receives, local number = index + the source's clbit count.</summary>
    public int NetClbits { get; set; }

    /// <summary>Source clbits this node measures into.</summary>
    public SortedSet<int> Writes { get; } = [];

    /// <summary>Appends a step; the slot lets sends be attached after it later.</summary>
    public Slot Add(NodeStep step)
    {
        var slot = new Slot(step);
        _slots.Add(slot);
        return slot;
    }

    public void AddNetwork(NetworkCallKind kind, int peer, int tag, int bit) => Add(NodeStep.Network(kind, peer, tag, bit));

    public IEnumerable<NodeStep> Steps()
    {
        foreach (var slot in _slots)
        {
            yield return slot.Step;
            foreach (var after in slot.After)
            {
                yield return after;
            }
        }
    }

    /// <summary>A step and the sends that follow it (a measurement whose bit other QPUs need).</summary>
    internal sealed class Slot(NodeStep step)
    {
        public NodeStep Step { get; } = step;

        public List<NodeStep> After { get; } = [];
    }
}
