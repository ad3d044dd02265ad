using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Rl.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
