namespace Qdc.Cli;

/// <summary>A plain-text table with aligned columns, two spaces apart, no trailing blanks.</summary>
internal sealed class TextTable(params (string Header, bool RightAligned)[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"expected {columns.Length} cells, got {cells.Length}", nameof(cells));
        }
        _rows.Add(cells);
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = new int[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            widths[c] = Math.Max(columns[c].Header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[c].Length));
        }
        WriteRow(writer, [.. columns.Select(c => c.Header)], widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var parts = new string[cells.Length];
        for (int c = 0; c < cells.Length; c++)
        {
            parts[c] = columns[c].RightAligned ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]);
        }
        writer.Write(string.Join("  ", parts).TrimEnd());
        writer.Write('\n');
    }
}
