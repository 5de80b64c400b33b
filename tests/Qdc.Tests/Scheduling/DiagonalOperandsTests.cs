using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Scheduling;

namespace Qdc.Tests.Scheduling;

public class DiagonalOperandsTests
{
    [Theory]
    [InlineData("cz", 0b11)]
    [InlineData("cp", 0b11)]
    [InlineData("rzz", 0b11)]
    [InlineData("cx", 0b01)]
    [InlineData("crx", 0b01)]
    [InlineData("ccx", 0b011)]
    [InlineData("rz", 0b1)]
    [InlineData("t", 0b1)]
    [InlineData("h", 0)]
    [InlineData("x", 0)]
    [InlineData("swap", 0)]
    public void MarksTheOperandsAGateIsDiagonalOn(string name, int mask)
    {
        var gate = Gate.Create(name, [.. Enumerable.Repeat(0.3, GateLibrary.Get(name).ParameterCount)]);
        var op = new GateOperation(gate, [.. Enumerable.Range(0, gate.QubitCount)]);
        Assert.Equal(mask, new DiagonalOperands().Mask(op));
    }

    [Fact]
    public void MeasurementsResetsAndBarriersKeepTheirPlace()
    {
        var d = new DiagonalOperands();
        Assert.Equal(0, d.Mask(new MeasureOperation(0, 0)));
        Assert.Equal(0, d.Mask(new ResetOperation(0)));
        Assert.Equal(0, d.Mask(new BarrierOperation([0, 1])));
    }

    [Fact]
    public void AParameterThatMakesAGateDiagonalCounts()
    {
        // u(0, 0, λ) is a phase gate; u(θ ≠ 0, …) mixes the basis states.
        var d = new DiagonalOperands();
        Assert.Equal(1, d.Mask(new GateOperation(Gate.Create("u", 0, 0, 0.7), [0])));
        Assert.Equal(0, d.Mask(new GateOperation(Gate.Create("u", 0.2, 0, 0.7), [0])));
    }
}
