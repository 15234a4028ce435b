using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The base of Set-Fixmap and Clear-Fixmap: the writing CPU, -PassThru, and one __set_fixmap() per index.</summary>
    public abstract class FixmapWriteCommand : FixmapCommand
    {
        /// <summary>The CPU that runs the write: only its TLB is flushed (__flush_tlb_one).</summary>
        [Parameter]
        [IntegerTransformation]
        [ArgumentCompleter(typeof(CpuCompleter))]
        public int Cpu { get; set; }

        /// <summary>Write the index as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Set-Fixmap and Clear-Fixmap: apply one __set_fixmap() per selected index, each under ShouldProcess.</summary>
        protected void WriteEach(string action, System.Func<Machine, int, KernelVm.Fixmap.FixmapSlot> write)
        {
            var machine = TargetMachine;
            foreach (var index in SelectedIndices(machine))
            {
                if (!ShouldProcess("fixmap index " + index, action))
                {
                    continue;
                }

                try
                {
                    var slot = write(machine, index);
                    if (PassThru)
                    {
                        WriteObject(new FixmapInfo(machine, slot));
                    }
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
