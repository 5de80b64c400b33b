using Qdc.Cli.Output;

namespace Qdc.Tests.Cli;

public class OutputWriterTests
{
    private static OutputSet Set(params (string Path, string Text)[] files)
    {
        var set = new OutputSet();
        foreach (var (path, text) in files)
        {
            set.Add(path, text);
        }
        return set;
    }

    [Fact]
    public void Commit_writes_the_files_and_a_manifest_that_lists_them()
    {
        using var dir = new TempDirectory();
        OutputWriter.Commit(dir.Path, Set(("report.json", "{}\n"), ("nodes/qpu0.qasm", "OPENQASM 3.0;\n")));
        Assert.Equal("{}\n", File.ReadAllText(dir["report.json"]));
        Assert.Equal("OPENQASM 3.0;\n", File.ReadAllText(dir["nodes/qpu0.qasm"]));
        Assert.Equal(["nodes/qpu0.qasm", "report.json"], OutputWriter.ReadManifest(dir.Path));
        Assert.Equal([".qdc-manifest", "nodes/qpu0.qasm", "report.json"], TempDirectory.Snapshot(dir.Path).Keys);
    }

    [Fact]
    public void A_failure_mid_write_leaves_the_previous_output_byte_for_byte_and_no_temporaries()
    {
        using var dir = new TempDirectory();
        OutputWriter.Commit(dir.Path, Set(("a.json", "old a\n"), ("b.json", "old b\n"), ("c.json", "old c\n")));
        File.WriteAllText(dir["notes.txt"], "mine");
        var before = TempDirectory.Snapshot(dir.Path);

        int writes = 0;
        var ex = Assert.Throws<IOException>(() => OutputWriter.Commit(dir.Path, Set(("a.json", "new a\n"), ("b.json", "new b\n"), ("c.json", "new c\n")),
            target =>
            {
                // The first file is already written under its temporary name when the second fails.
                if (++writes == 2)
                {
                    throw new IOException("disk full (injected)");
                }
            }));
        Assert.Contains("injected", ex.Message);
        Assert.Equal(2, writes);
        var after = TempDirectory.Snapshot(dir.Path);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before)
        {
            Assert.Equal(bytes, after[path]);
        }
    }

    [Fact]
    public void A_second_run_replaces_qdcs_files_removes_the_ones_it_no_longer_writes_and_leaves_others_alone()
    {
        using var dir = new TempDirectory();
        OutputWriter.Commit(dir.Path, Set(("report.json", "1\n"), ("nodes/qpu0.qasm", "a\n"), ("nodes/qpu5.qasm", "b\n"), ("extra/x.json", "x\n")));
        File.WriteAllText(dir["README.md"], "user file");
        File.WriteAllText(dir["nodes/notes.txt"], "user file in nodes");

        OutputWriter.Commit(dir.Path, Set(("report.json", "2\n"), ("nodes/qpu0.qasm", "c\n")));

        var files = TempDirectory.Snapshot(dir.Path);
        Assert.Equal([".qdc-manifest", "README.md", "nodes/notes.txt", "nodes/qpu0.qasm", "report.json"], files.Keys);
        Assert.Equal("2\n", File.ReadAllText(dir["report.json"]));
        Assert.Equal("user file", File.ReadAllText(dir["README.md"]));
        // extra/ held only a file qdc wrote, so the emptied folder went too; nodes/ still holds the user's file.
        Assert.False(Directory.Exists(dir["extra"]));
    }

    [Fact]
    public void Without_a_manifest_nothing_is_removed()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["schedule.json"], "from somewhere else");
        OutputWriter.Commit(dir.Path, Set(("report.json", "1\n")));
        Assert.Equal("from somewhere else", File.ReadAllText(dir["schedule.json"]));
    }

    [Fact]
    public void A_manifest_cannot_point_outside_the_directory()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir[OutputWriter.ManifestName], "../victim.txt\n/etc/passwd\nreport.json\n");
        Assert.Equal(["report.json"], OutputWriter.ReadManifest(dir.Path));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("")]
    public void A_set_takes_only_plain_relative_paths(string path) =>
        Assert.Throws<ArgumentException>(() => new OutputSet().Add(path, ""));
}
