using System.Globalization;
using System.Text;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Qasm;

/// <summary>
/// Every file of ../shared/corpus (real OpenQASM nobody here wrote) either loads, or fails with
/// the first diagnostic that corpus-expectations.tsv commits to, with the reason written there.
/// Loaded OpenQASM 2 files have their gate count held against an independent regex count.
/// Run with QDC_ACCEPT=1 to rewrite the table from what the front end does now (then review it).
/// </summary>
public class CorpusTests
{
    private static readonly string CorpusDir = RepoPaths.Corpus;
    private static readonly string TablePath = Path.Combine(RepoPaths.Root, "tests", "Qdc.Tests", "Qasm", "corpus-expectations.tsv");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in ManifestPaths())
        {
            data.Add(path);
        }
        return data;
    }

    [Fact]
    public void CorpusIsPresentAndTheTableCoversIt()
    {
        Assert.True(Directory.Exists(CorpusDir), $"the corpus is missing: {CorpusDir}");
        var paths = ManifestPaths().ToList();
        Assert.True(paths.Count >= 350, $"only {paths.Count} files in the manifest");
        if (Environment.GetEnvironmentVariable("QDC_ACCEPT") == "1")
        {
            RewriteTable(paths);
        }
        var table = ReadTable();
        Assert.Equal(paths.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        // Every rejection carries a reason.
        Assert.Empty(table.Where(kv => kv.Value.Expect != "ok" && string.IsNullOrWhiteSpace(kv.Value.Reason)).Select(kv => kv.Key));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void FileLoadsOrFailsAsExpected(string path)
    {
        var table = ReadTable();
        Assert.True(table.TryGetValue(path, out var expected), $"{path} is not in corpus-expectations.tsv");
        var (circuit, actual, diagnostics) = LoadFile(path);
        Assert.True(expected.Expect == actual, $"{path}: expected {expected.Expect} ({expected.Reason}), got {actual}\n{diagnostics}");
        if (circuit is not null && IsCountable(path))
        {
            long independent = IndependentGateCounter.Count(File.ReadAllText(Path.Combine(CorpusDir, path)));
            long gates = circuit.Operations.Count(o => o is GateOperation);
            Assert.Equal(independent, gates);
        }
    }

    /// <summary>QASMBench and the other flat OpenQASM 2 files are what the regex counter understands.</summary>
    private static bool IsCountable(string path)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDir, path));
        return text.Contains("OPENQASM 2", StringComparison.Ordinal) && !text.Contains("if(", StringComparison.Ordinal) && !text.Contains("if (", StringComparison.Ordinal);
    }

    private static (Circuit? Circuit, string Outcome, string Diagnostics) LoadFile(string path)
    {
        var bag = new DiagnosticBag();
        var circuit = QasmFrontEnd.Load(Path.Combine(CorpusDir, path), QasmOptions.Default, bag);
        if (circuit is not null)
        {
            return (circuit, "ok", "");
        }
        var first = bag.Sorted().First(d => d.IsError);
        return (null, string.Create(CultureInfo.InvariantCulture, $"{first.Code}@{first.Location.Line}:{first.Location.Column}"), string.Join("\n", bag.Sorted().Select(d => d.Format())));
    }

    private static IEnumerable<string> ManifestPaths()
    {
        var manifest = Path.Combine(CorpusDir, "MANIFEST.tsv");
        if (!File.Exists(manifest))
        {
            yield break;
        }
        foreach (var line in File.ReadLines(manifest).Skip(1))
        {
            var path = line.Split('\t')[0];
            if (path.EndsWith(".qasm", StringComparison.Ordinal) || path.EndsWith(".inc", StringComparison.Ordinal))
            {
                yield return path;
            }
        }
    }

    private sealed record Expectation(string Expect, string Reason);

    private static Dictionary<string, Expectation> ReadTable() => CachedTable.Value;

    private static readonly Lazy<Dictionary<string, Expectation>> CachedTable = new(LoadTable);

    private static Dictionary<string, Expectation> LoadTable()
    {
        var table = new Dictionary<string, Expectation>(StringComparer.Ordinal);
        if (!File.Exists(TablePath))
        {
            return table;
        }
        foreach (var line in File.ReadLines(TablePath))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            var cols = line.Split('\t');
            table[cols[0]] = new Expectation(cols[1], cols.Length > 2 ? cols[2] : "");
        }
        return table;
    }

    private static void RewriteTable(List<string> paths)
    {
        var old = LoadTable();
        var notes = File.ReadLines(Path.Combine(CorpusDir, "MANIFEST.tsv")).Skip(1)
            .Select(l => l.Split('\t')).ToDictionary(c => c[0], c => c.Length > 6 ? c[6] : "", StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("# What qdc's front end does with each corpus file: ok, or the first diagnostic as CODE@line:col.\n");
        sb.Append("# path\texpect\treason (for every rejection: why the file is rightly rejected)\n");
        foreach (var p in paths.Order(StringComparer.Ordinal))
        {
            var (_, outcome, diagnostics) = LoadFile(p);
            string reason = old.TryGetValue(p, out var e) && e.Expect == outcome ? e.Reason
                : outcome == "ok" ? "" : diagnostics.Split(": ", 3).Last().Split('\n')[0] + $" [manifest: {notes.GetValueOrDefault(p)}]";
            sb.Append(p).Append('\t').Append(outcome).Append('\t').Append(reason).Append('\n');
        }
        File.WriteAllText(TablePath, sb.ToString());
    }

}
