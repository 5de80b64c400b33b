namespace Qdc.Compiler.Emission;

/// <summary>One QPU's OpenQASM 3 program: the QPU (index and id), its file name under nodes/, and the text.</summary>
public sealed record NodeProgram(int QpuIndex, string QpuId, string FileName, string Text);
