using Qdc.Tests.Emission;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli;

/// <summary>qdc validate: exit 0 for what compile wrote, 3 when a node program is tampered with, 1 for bad input.</summary>
public class ValidateCommandTests
{
    /// <summary>Compiles <paramref name="source"/> (the two-QPU example by default) and validates it in the same run.</summary>
    private static (string Circuit, string Dir) Compiled(string source = TwoQpuExample.Source)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"qdc-validate-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var circuit = Path.Combine(dir, "four.qasm");
        var topology = Path.Combine(dir, "two.json");
        File.WriteAllText(circuit, source);
        File.WriteAllText(topology, TwoQpuExample.Topology);
        var (exit, output, err) = CliHarness.Run("compile", circuit, "--topology", topology, "-o", Path.Combine(dir, "out"), "--validate");
        Assert.True(exit == 0, err);
        Assert.Contains("validated: equivalent", output);
        return (circuit, Path.Combine(dir, "out"));
    }

    private static void Edit(string dir, string qpu, Func<string, string> edit)
    {
        var path = Path.Combine(dir, "nodes", qpu + ".qasm");
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }

    [Fact]
    public void WhatCompileWroteIsEquivalent()
    {
        var (circuit, dir) = Compiled();
        var (exit, output, err) = CliHarness.Run("validate", circuit, dir);
        Assert.True(exit == 0, err);
        Assert.Contains("every branch", output);
    }

    /// <summary>Every correction matters: dropping any one of them is caught.</summary>
    [Fact]
    public void ADroppedCorrectionExits3()
    {
        var (circuit, dir) = Compiled();
        var corrections = Directory.GetFiles(Path.Combine(dir, "nodes"))
            .SelectMany(f => File.ReadAllLines(f).Where(l => l.StartsWith("if (", StringComparison.Ordinal)).Select(l => (Qpu: Path.GetFileNameWithoutExtension(f), Line: l)))
            .ToList();
        Assert.Equal(4, corrections.Count);
        foreach (var (qpu, line) in corrections)
        {
            var copy = dir + "-" + qpu + corrections.IndexOf((qpu, line));
            CopyTree(dir, copy);
            Edit(copy, qpu, t => TwoQpuExample.ReplaceFirst(t, line + "\n", ""));
            var (exit, _, err) = CliHarness.Run("validate", circuit, copy);
            Assert.True(exit == 3, $"dropping '{line}' from {qpu}: exit {exit}\n{err}");
            Assert.Contains("validation failed", err);
        }
    }

    [Fact]
    public void AWrongBitSentExits3()
    {
        var (circuit, dir) = Compiled();
        // a sends a bit nobody measured (always 0) instead of its measurement: b's correction never fires.
        Edit(dir, "a", t => TwoQpuExample.ReplaceFirst(t, "send(1, 0, net[0]);", "send(1, 0, c[1]);"));
        Assert.Equal(3, CliHarness.Run("validate", circuit, dir).Exit);
    }

    [Fact]
    public void SwappedPairTagsAreADeadlockAndExit1()
    {
        var (circuit, dir) = Compiled();
        Edit(dir, "a", t => t.Replace("epr(1, 0)", "epr(1, X)", StringComparison.Ordinal).Replace("epr(1, 1)", "epr(1, 0)", StringComparison.Ordinal).Replace("epr(1, X)", "epr(1, 1)", StringComparison.Ordinal));
        var (exit, _, err) = CliHarness.Run("validate", circuit, dir);
        Assert.Equal(1, exit);
        Assert.Contains("error QDC0803: deadlock", err);
        Assert.Contains("a.qasm:", err);
    }

    [Fact]
    public void BadInputExits1()
    {
        var (circuit, dir) = Compiled();
        Assert.Equal(1, CliHarness.Run("validate", circuit, dir + "-missing").Exit);
        var ghz = Path.Combine(RepoPaths.Root, "examples", "ghz12.qasm");
        var (exit, _, err) = CliHarness.Run("validate", ghz, dir);
        Assert.Equal(1, exit);
        Assert.Contains("compiled from a circuit of 4 qubits", err);
        Edit(dir, "b", t => TwoQpuExample.ReplaceFirst(t, "epr(0, 1)", "epr(0)"));
        (exit, _, err) = CliHarness.Run("validate", circuit, dir);
        Assert.Equal(1, exit);
        Assert.Contains("b.qasm:", err);
        Assert.Contains("error QDC0362", err);
        Assert.Equal(2, CliHarness.Run("validate", circuit).Exit);
    }

    [Fact]
    public void TooBigToCheckExits4()
    {
        var (circuit, dir) = Compiled();
        var (exit, _, err) = CliHarness.Run("validate", circuit, dir, "--max-qubits", "4");
        Assert.Equal(4, exit);
        Assert.Contains("raise it with --max-qubits", err);
    }

    /// <summary>
    /// A Clifford source past the statevector's size is proven on the tableau instead, and that
    /// check still fails a dropped correction.
    /// </summary>
    [Fact]
    public void ACliffordSourceTooBigToSimulateIsCheckedOnTheTableau()
    {
        var (circuit, outDir) = Compiled(TwoQpuExample.Source.Replace("rz(0.3)", "s", StringComparison.Ordinal));

        var (exit, output, err) = CliHarness.Run("validate", circuit, outDir, "--max-qubits", "4");
        Assert.True(exit == 0, err);
        Assert.Contains("validating on a stabilizer tableau: the source is Clifford", output);
        Assert.Contains("validated (Clifford): equivalent", output);

        var correction = File.ReadAllLines(Path.Combine(outDir, "nodes", "b.qasm")).First(l => l.StartsWith("if (", StringComparison.Ordinal));
        Edit(outDir, "b", t => TwoQpuExample.ReplaceFirst(t, correction + "\n", ""));
        (exit, _, err) = CliHarness.Run("validate", circuit, outDir, "--max-qubits", "4");
        Assert.True(exit == 3, $"dropping '{correction}': exit {exit}\n{err}");
        Assert.Contains("validation failed", err);
    }

    [Fact]
    public void CompileReplacesItsOwnStaleProgramsOnly()
    {
        var (circuit, dir) = Compiled();
        var nodes = Path.Combine(dir, "nodes");
        var a = File.ReadAllText(Path.Combine(nodes, "a.qasm"));
        // As if an earlier run had written a program for a QPU that is gone: it is in the manifest.
        File.WriteAllText(Path.Combine(nodes, "gone.qasm"), a);
        File.AppendAllText(Path.Combine(dir, ".qdc-manifest"), "nodes/gone.qasm\n");
        File.WriteAllText(Path.Combine(nodes, "mine.qasm"), "OPENQASM 3.0;\nqubit q;\n");
        var topology = Path.Combine(Path.GetDirectoryName(circuit)!, "two.json");
        Assert.Equal(0, CliHarness.Run("compile", circuit, "--topology", topology, "-o", dir).Exit);
        Assert.Equal(["a.qasm", "b.qasm", "mine.qasm"], Directory.GetFiles(nodes).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // validate reads qdc's programs only: the user's file beside them is not a node.
        var (exit, _, err) = CliHarness.Run("validate", circuit, dir);
        Assert.True(exit == 0, err);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
