namespace Qdc.Qasm.NodePrograms;

/// <summary>The network primitives a qdc node program's header declares.</summary>
public enum NetworkCallKind
{
    /// <summary><c>epr(peer, tag) q;</c>: q becomes one half of a Bell pair shared with the peer.</summary>
    Epr,

    /// <summary><c>send(peer, tag, b);</c>: sends the measured bit b to the peer.</summary>
    Send,

    /// <summary><c>b = recv(peer, tag);</c>: waits for the peer's message and stores its bit in b.</summary>
    Recv,
}
