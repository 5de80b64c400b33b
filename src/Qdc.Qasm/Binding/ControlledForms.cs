using Qdc.Circuits.Gates;

namespace Qdc.Qasm.Binding;

/// <summary>
/// ctrl @ on a standard gate: the named controlled gate when the library has one (so that cz,
/// cp and crz stay recognisably diagonal and the output reads naturally), and otherwise the
/// gate with extra leading controls.
/// </summary>
internal static class ControlledForms
{
    private static readonly Dictionary<string, string> OneMore = new(StringComparer.Ordinal)
    {
        ["x"] = "cx",
        ["CX"] = "ccx",
        ["cx"] = "ccx",
        ["ccx"] = "c3x",
        ["c3x"] = "c4x",
        ["y"] = "cy",
        ["z"] = "cz",
        ["h"] = "ch",
        ["p"] = "cp",
        ["phase"] = "cp",
        ["u1"] = "cu1",
        ["rx"] = "crx",
        ["ry"] = "cry",
        ["rz"] = "crz",
        ["sx"] = "csx",
        ["swap"] = "cswap",
    };

    public static Gate Add(Gate gate, int controls)
    {
        while (controls > 0 && gate.Controls == 0)
        {
            if (OneMore.TryGetValue(gate.Name, out var named))
            {
                gate = new Gate(GateLibrary.Get(named), gate.Parameters);
            }
            else if (gate.Name is "U" or "u3" or "u")
            {
                // cu carries the global phase of the controlled gate as its fourth parameter.
                gate = new Gate(GateLibrary.Get("cu"), [.. gate.Parameters, 0.0]);
            }
            else if (gate.Name == "id")
            {
                return new Gate(gate.Definition, gate.Parameters, controls);
            }
            else
            {
                break;
            }
            controls--;
        }
        return controls == 0 ? gate : new Gate(gate.Definition, gate.Parameters, gate.Controls + controls);
    }
}
