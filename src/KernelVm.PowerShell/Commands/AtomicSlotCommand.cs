using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The base of Invoke-KmapAtomic and Invoke-KunmapAtomic: which CPU's slot for which km_type.</summary>
    public abstract class AtomicSlotCommand : KmapCommand
    {
        /// <summary>The km_type slot: KM_USER0, KM_USER1, KM_IRQ0, ...</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KmTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string Type { get; set; } = null!;

        /// <summary>The CPU whose slot to use; by default the task's CPU.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        [ArgumentCompleter(typeof(CpuCompleter))]
        public int? Cpu { get; set; }
    }
}
