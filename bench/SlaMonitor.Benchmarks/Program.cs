using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SlaMonitor.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
