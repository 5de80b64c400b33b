namespace Qdc.Compiler.Topology;

internal static class LinkLookup
{
    /// <summary>The lowest-indexed link joining QPUs a and b (so output does not depend on link order ties).</summary>
    public static int Between(IReadOnlyList<Link> links, int a, int b)
    {
        for (int l = 0; l < links.Count; l++)
        {
            if (links[l].Joins(a, b))
            {
                return l;
            }
        }
        throw new InvalidOperationException($"no link joins QPUs {a} and {b}");
    }
}
