using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Rl.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Rl.Benchmarks -- grading [runs]   (the judge's time per submission)
if (args is ["grading", ..])
    Rl.Benchmarks.GradingBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 3);
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
