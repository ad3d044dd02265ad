using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Rl.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Rl.Benchmarks -- grading [runs]   (the judge's time per submission)
// dotnet run -c Release --project tests/Rl.Benchmarks -- roundtrip [calls]  (one call into the sandboxed worker)
if (args is ["grading", ..])
    Rl.Benchmarks.GradingBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 3);
else if (args is ["roundtrip", ..])
    Rl.Benchmarks.RoundTripBenchmark.Run(args.Length > 1 ? int.Parse(args[1]) : 1000);
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
