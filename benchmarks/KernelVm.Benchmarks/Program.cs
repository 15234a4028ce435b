using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(KernelVm.Benchmarks.MachineBenchmarks).Assembly).Run(args);
