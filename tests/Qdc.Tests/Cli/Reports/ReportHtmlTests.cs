using System.Text.RegularExpressions;
using Qdc.Circuits.Diagnostics;
using Qdc.Cli.Output;
using Qdc.Cli.Reports;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Cli.Reports;

/// <summary>report.html's structure without a browser: sections, one shape per QPU, link and operation, balanced markup, nothing fetched.</summary>
public partial class ReportHtmlTests
{
    internal static readonly string Sample = Path.Combine(RepoPaths.Root, "tests", "Qdc.Tests", "Cli", "Samples", "scheduled");

    internal static CompiledOutput Load(string dir)
    {
        var diagnostics = new DiagnosticBag();
        var output = CompiledOutput.Load(dir, diagnostics);
        Assert.True(output is not null, string.Join("\n", diagnostics.Items));
        return output;
    }

    private static int Count(string html, string pattern) => Regex.Matches(html, pattern).Count;

    [Fact]
    public void The_sample_shows_every_part_with_one_shape_per_thing()
    {
        string html = ReportHtml.Render(Load(Sample), "sample.qasm");
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        foreach (string id in new[] { "figures", "topology", "partition", "schedule" })
        {
            Assert.Equal(1, Count(html, $"<section id=\"{id}\">"));
        }
        Assert.Equal(2, Count(html, "<circle "));
        Assert.Equal(1, Count(html, "<g class=\"link\">"));
        Assert.Equal(11, Count(html, "<rect class=\"op\""));
        Assert.Equal(6, Count(html, "<rect class=\"op\" data-kind=\"gate\""));
        // Rows: the two QPUs and the link, in the report's order.
        Assert.Equal(["qpu0", "qpu1", "qpu0--qpu1"], RowLabels().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(["epr", "gate", "measure", "message"], LegendKinds().Matches(html).Select(m => m.Groups[1].Value).Order());
        Assert.Contains("<tr><th>makespan</th><td>1.04 ms</td></tr>", html);
        Assert.Contains("<td class=\"qubits\">q[0..1]</td>", html);
        Assert.Contains("<title>qpu0--qpu1: 1 ebits</title>", html);
    }

    [Fact]
    public void Bars_sit_at_their_times_on_the_shared_axis()
    {
        string html = ReportHtml.Render(Load(Sample), "sample.qasm");
        // The EPR pair runs from 0 to 1 ms of a 1.04 ms makespan on an 840-unit axis starting at 110.
        var epr = Regex.Match(html, "<rect class=\"op\" data-kind=\"epr\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
        Assert.True(epr.Success);
        Assert.Equal(110, double.Parse(epr.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.Equal(840 * 0.001 / 0.00104, double.Parse(epr.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 1);
    }

    [Fact]
    public void The_markup_is_balanced_and_fetches_nothing()
    {
        string html = ReportHtml.Render(Load(Sample), "sample.qasm");
        AssertBalanced(html);
        Assert.DoesNotContain("http:", html);
        Assert.DoesNotContain("https:", html);
        Assert.DoesNotContain(" src=", html);
        Assert.DoesNotContain(" href=", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.EndsWith("</html>\n", html);
        Assert.DoesNotContain("\r", html);
    }

    [Fact]
    public void Without_a_schedule_the_page_says_so()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(Sample, "report.json"), dir["report.json"]);
        File.Copy(Path.Combine(Sample, "partition.json"), dir["partition.json"]);
        string html = ReportHtml.Render(Load(dir.Path), "sample.qasm");
        Assert.Contains("no schedule (this output has no schedule.json)", html);
        Assert.Equal(0, Count(html, "<svg class=\"gantt\""));
        Assert.Equal(2, Count(html, "<circle "));
        AssertBalanced(html);
    }

    [Fact]
    public void Names_are_escaped_and_the_page_is_the_same_every_time()
    {
        var output = Load(Sample);
        string html = ReportHtml.Render(output, "<b>&\"x\".qasm");
        Assert.Contains("<title>qdc report: &lt;b&gt;&amp;&quot;x&quot;.qasm</title>", html);
        Assert.Equal(html, ReportHtml.Render(Load(Sample), "<b>&\"x\".qasm"));
    }

    [Theory]
    [InlineData(new[] { "q[0]", "q[1]", "q[2]", "q[5]", "r[0]", "anc" }, "q[0..2], q[5], r[0], anc")]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "q[3]", "q[2]" }, "q[3], q[2]")]
    public void Qubit_lists_are_compressed_into_ranges(string[] names, string expected) =>
        Assert.Equal(expected, QubitRanges.Compress(names));

    /// <summary>Every non-void element closed in order; comments, the doctype and script/style bodies skipped.</summary>
    internal static void AssertBalanced(string html)
    {
        string body = Regex.Replace(html, "<(script|style)>.*?</\\1>", "", RegexOptions.Singleline);
        var open = new Stack<string>();
        string[] voids = ["meta", "br", "img", "input", "link", "hr"];
        foreach (Match m in Regex.Matches(body, "<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>"))
        {
            string name = m.Groups[2].Value.ToLowerInvariant();
            if (m.Groups[3].Value == "/" || voids.Contains(name))
            {
                continue;
            }
            if (m.Groups[1].Value == "/")
            {
                Assert.True(open.Count > 0 && open.Peek() == name, $"</{name}> closes <{(open.Count > 0 ? open.Peek() : "nothing")}> at offset {m.Index}");
                open.Pop();
            }
            else
            {
                open.Push(name);
            }
        }
        Assert.Empty(open);
    }

    [GeneratedRegex("<text x=\"4\" y=\"[0-9.]+\">([^<]+)</text>")]
    private static partial Regex RowLabels();

    [GeneratedRegex("<span data-kind=\"([a-z]+)\">")]
    private static partial Regex LegendKinds();
}
