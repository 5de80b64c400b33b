namespace Qdc.Cli.Diff;

/// <summary>One line only in the old text ('-', its line there) or only in the new ('+', its line there).</summary>
internal readonly record struct LineChange(char Mark, int Line, string Text);

/// <summary>
/// A line diff by longest common subsequence: the common head and tail are trimmed first, so
/// the table covers only the changed middle; a middle too large for the table is reported as
/// replaced whole rather than taking quadratic memory.
/// </summary>
internal static class LineDiff
{
    public const long MaxCells = 4_000_000;

    public static string[] Lines(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }
        return text.Length == 0 ? [] : text.Split('\n');
    }

    public static List<LineChange> Changes(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }
        int tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }
        int n = a.Count - head - tail, m = b.Count - head - tail;
        var changes = new List<LineChange>();
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (int i = 0; i < n; i++)
            {
                changes.Add(new('-', head + i + 1, a[head + i]));
            }
            for (int j = 0; j < m; j++)
            {
                changes.Add(new('+', head + j + 1, b[head + j]));
            }
            return changes;
        }
        // lcs[i, j] = LCS length of a[head+i..] and b[head+j..] within the middle.
        int w = m + 1;
        var lcs = new int[(n + 1) * w];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i * w + j] = a[head + i] == b[head + j]
                    ? lcs[(i + 1) * w + j + 1] + 1
                    : Math.Max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y])
            {
                x++;
                y++;
            }
            else if (y == m || (x < n && lcs[(x + 1) * w + y] >= lcs[x * w + y + 1]))
            {
                changes.Add(new('-', head + x + 1, a[head + x]));
                x++;
            }
            else
            {
                changes.Add(new('+', head + y + 1, b[head + y]));
                y++;
            }
        }
        return changes;
    }
}
