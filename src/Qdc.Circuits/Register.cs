namespace Qdc.Circuits;

/// <summary>A named register; its bits are the flat indices Start … Start + Size − 1.</summary>
public sealed record Register(string Name, int Size, int Start)
{
    public bool Contains(int index) => index >= Start && index < Start + Size;
}
