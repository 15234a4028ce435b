using BenchmarkDotNet.Running;

// --retained: what an idle machine keeps; anything else goes to BenchmarkDotNet.
if (args is ["--retained"])
{
    KernelVm.Benchmarks.Retained.Report();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KernelVm.Benchmarks.MachineBenchmarks).Assembly).Run(args);
