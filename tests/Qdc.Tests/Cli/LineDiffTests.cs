using Qdc.Cli.Diff;

namespace Qdc.Tests.Cli;

public class LineDiffTests
{
    [Fact]
    public void A_changed_middle_is_one_removal_and_its_replacements()
    {
        var changes = LineDiff.Changes(["a", "b", "c", "d"], ["a", "x", "y", "c", "d"]);
        Assert.Equal([new LineChange('-', 2, "b"), new LineChange('+', 2, "x"), new LineChange('+', 3, "y")], changes);
    }

    [Fact]
    public void Lines_ignores_one_final_newline_and_carriage_returns() =>
        Assert.Equal(["a", "", "b"], LineDiff.Lines("a\r\n\r\nb\n"));

    // Applying the changes to a gives b, and no shorter script exists (its length is n + m - 2·LCS).
    [Fact]
    public void Random_texts_the_script_rebuilds_b_and_is_minimal()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 300; trial++)
        {
            var a = Enumerable.Range(0, random.Next(0, 14)).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 14)).Select(_ => ((char)('a' + random.Next(4))).ToString()).ToArray();
            var changes = LineDiff.Changes(a, b);
            Assert.Equal(b, Apply(a, changes));
            Assert.Equal(a.Length + b.Length - 2 * LcsByRecursion(a, b, 0, 0, new Dictionary<(int, int), int>()), changes.Count);
        }
    }

    [Fact]
    public void A_middle_too_large_for_the_table_is_replaced_whole()
    {
        int n = (int)Math.Sqrt(LineDiff.MaxCells) + 10;
        var a = Enumerable.Range(0, n).Select(i => "a" + i).ToArray();
        var b = Enumerable.Range(0, n).Select(i => "b" + i).ToArray();
        var changes = LineDiff.Changes(a, b);
        Assert.Equal(2 * n, changes.Count);
        Assert.Equal(b, Apply(a, changes));
    }

    private static string[] Apply(string[] a, List<LineChange> changes)
    {
        var removed = changes.Where(c => c.Mark == '-').Select(c => c.Line - 1).ToHashSet();
        var added = changes.Where(c => c.Mark == '+').ToDictionary(c => c.Line - 1, c => c.Text);
        var kept = new Queue<string>(a.Where((_, i) => !removed.Contains(i)));
        int length = kept.Count + added.Count;
        return Enumerable.Range(0, length).Select(j => added.TryGetValue(j, out var t) ? t : kept.Dequeue()).ToArray();
    }

    private static int LcsByRecursion(string[] a, string[] b, int i, int j, Dictionary<(int, int), int> memo)
    {
        if (i == a.Length || j == b.Length)
        {
            return 0;
        }
        if (!memo.TryGetValue((i, j), out int v))
        {
            v = a[i] == b[j] ? 1 + LcsByRecursion(a, b, i + 1, j + 1, memo) : Math.Max(LcsByRecursion(a, b, i + 1, j, memo), LcsByRecursion(a, b, i, j + 1, memo));
            memo[(i, j)] = v;
        }
        return v;
    }
}
