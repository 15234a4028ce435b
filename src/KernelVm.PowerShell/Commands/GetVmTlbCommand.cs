using System.Collections.Generic;
using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>What each CPU's TLB holds, and which entries the page tables no longer back.</summary>
    [Cmdlet(VerbsCommon.Get, "VmTlb")]
    [OutputType(typeof(VmTlbEntryInfo))]
    public sealed class GetVmTlbCommand : MachineCommand
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        [ArgumentCompleter(typeof(CpuCompleter))]
        public int[]? Cpu { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            var entries = machine.Read(m =>
            {
                var list = new List<VmTlbEntryInfo>();
                for (var cpu = 0; cpu < m.Tlb.Cpus; cpu++)
                {
                    if (Cpu is null || System.Array.IndexOf(Cpu, cpu) >= 0)
                    {
                        foreach (var e in m.Tlb.Entries(cpu))
                        {
                            list.Add(new VmTlbEntryInfo(m, cpu, e.VirtualPage, e.Pfn, e.Global, m.Translate(e.VirtualPage)));
                        }
                    }
                }

                return list;
            });
            WriteObject(entries, true);
            foreach (var cpu in Cpu ?? new int[0])
            {
                if (cpu < 0 || cpu >= machine.Tlb.Cpus)
                {
                    WriteError(CmdletErrors.NotFound(Errors.CpuOutOfRange, cpu,
                        "Machine " + machine.Name + " has no CPU " + cpu + ": its CPUs are 0 to " + (machine.Tlb.Cpus - 1) + "."));
                }
            }
        }
    }
}
