namespace Qdc.Compiler.Topology;

/// <summary>"Did you mean" for misspelt names: the closest candidate by edit distance, ignoring case.</summary>
internal static class NameSuggestion
{
    /// <summary>The best candidate, or null when none is close enough to be a likely typo.</summary>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        string lower = given.ToLowerInvariant();
        foreach (string candidate in candidates.Order(StringComparer.Ordinal))
        {
            string c = candidate.ToLowerInvariant();
            int d = Distance(lower, c);
            bool near = (d <= Math.Max(1, Math.Min(3, given.Length / 3)) && d < given.Length)
                || (given.Length >= 3 && (c.Contains(lower, StringComparison.Ordinal) || lower.Contains(c, StringComparison.Ordinal)));
            if (near && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>" (did you mean 'x'?)" or the empty string.</summary>
    public static string Hint(string given, IEnumerable<string> candidates) =>
        Closest(given, candidates) is { } s ? $"; did you mean '{s}'?" : "";

    /// <summary>Levenshtein distance with one rolling row.</summary>
    internal static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
