using BenchmarkDotNet.Running;
using Qdc.Benchmarks.Suites;

// A first argument naming a suite runs that suite once and prints its figures; anything else goes
// to BenchmarkDotNet, e.g. `-- --filter '*Parse*'`.
var suites = typeof(ISuite).Assembly.GetTypes()
    .Where(t => typeof(ISuite).IsAssignableFrom(t) && !t.IsAbstract)
    .Select(t => (ISuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length > 0 && suites.FirstOrDefault(s => s.Name == args[0]) is { } suite)
{
    return suite.Run(args[1..], Console.Out);
}
if (args.Length > 0 && args[0] == "list")
{
    foreach (var s in suites)
    {
        Console.WriteLine($"{s.Name,-24} {s.Description}");
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
