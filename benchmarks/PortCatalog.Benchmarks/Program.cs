using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/PortCatalog.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
