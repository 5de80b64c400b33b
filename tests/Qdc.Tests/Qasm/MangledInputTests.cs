using Qdc.Circuits.Diagnostics;
using Qdc.Qasm;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Qasm;

/// <summary>
/// The front end never crashes: real files cut short at random places, or with random characters
/// replaced, give a circuit or diagnostics, never an exception.
/// </summary>
public class MangledInputTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CutAndMangledFilesGiveDiagnosticsNotExceptions(int seed)
    {
        var files = Directory.EnumerateFiles(RepoPaths.Corpus, "*.qasm", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 20_000)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var rng = new SplitMix64((ulong)seed);
        const string alphabet = ";{}[]()=-+*/^@$\"'#,.:<>!~&|\n 0123456789abcqxπ";
        for (int i = 0; i < 25; i++)
        {
            var text = File.ReadAllText(files[rng.Next(files.Length)]);
            if (text.Length == 0)
            {
                continue;
            }
            var chars = text.ToCharArray();
            int edits = 1 + rng.Next(4);
            for (int e = 0; e < edits; e++)
            {
                chars[rng.Next(chars.Length)] = alphabet[rng.Next(alphabet.Length)];
            }
            var mangled = new string(chars, 0, 1 + rng.Next(chars.Length));
            var bag = new DiagnosticBag();
            var exception = Record.Exception(() => QasmFrontEnd.LoadText(mangled, "mangled.qasm", QasmOptions.Default with { ReadFile = _ => null }, bag));
            Assert.True(exception is null, $"seed {seed}, case {i}: {exception}\n---\n{mangled}");
            Assert.All(bag.Items, d => Assert.True(d.Location.Line >= 0));
        }
    }
}
