namespace KernelVm.Benchmarks;

/// <summary>What an idle machine keeps on the heap after boot: BenchmarkDotNet reports what a call allocates, not what stays.</summary>
internal static class Retained
{
    private const int Machines = 64;

    internal static void Report()
    {
        foreach (var gib in new ulong[] { 1, 4, 64 })
        {
            var kept = new Machine[Machines];
            var before = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < Machines; i++)
            {
                kept[i] = MachineBenchmarks.Boot(gib);
            }

            var bytes = (GC.GetTotalMemory(forceFullCollection: true) - before) / Machines;
            GC.KeepAlive(kept);
            Console.WriteLine($"An idle {gib} GiB PAE machine keeps {bytes / 1024.0:F1} KB");
        }
    }
}
