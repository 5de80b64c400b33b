using BenchmarkDotNet.Running;

// Each benchmark class reports its own figures; run one with --filter, e.g.
//   dotnet run -c Release --project tests/Qdc.Benchmarks -- --filter '*Parse*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
