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
            var entries = machine.Read(m => StateReader.TlbEntries(m, Cpu));
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
