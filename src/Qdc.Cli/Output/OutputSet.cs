namespace Qdc.Cli.Output;

/// <summary>
/// The files one run writes into its output directory (relative path with '/' → text), gathered
/// first and committed together by <see cref="OutputWriter"/>, so a failure leaves no half-set.
/// </summary>
internal sealed class OutputSet
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>The relative paths in ordinal order, as the manifest lists them.</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys;

    public void Add(string relativePath, string contents)
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Split('/').Any(p => p is "" or "." or ".."))
        {
            throw new ArgumentException($"not a plain relative path: '{relativePath}'", nameof(relativePath));
        }
        _files[relativePath] = contents;
    }

    public string? Get(string relativePath) => _files.GetValueOrDefault(relativePath);

    public IEnumerable<KeyValuePair<string, string>> Files => _files;
}
