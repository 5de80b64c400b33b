namespace Qdc.Compiler.Partitioning;

/// <summary>
/// What the partitioner knows of the QPU network: how many blocks (QPUs), each one's hard
/// capacity, and what a net costs when its pins span a set of blocks.
/// </summary>
public interface IBlockCost
{
    int BlockCount { get; }

    /// <summary>The largest total vertex weight block <paramref name="block"/> may hold.</summary>
    long Capacity(int block);

    /// <summary>
    /// The cost of one unit of net weight whose pins lie in the blocks of <paramref name="blockMask"/>
    /// (bit b = block b): 0 for zero or one block.
    /// </summary>
    int SpanCost(ulong blockMask);
}
