using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The base of Invoke-KmapAtomic and Invoke-KunmapAtomic: which CPU's slot for which km_type.</summary>
    public abstract class AtomicSlotCommand : KmapCommand
    {
        /// <summary>
        /// The km_type slot: KM_USER0, KM_USER1, KM_IRQ0, ... Required before 6.x; 6.x has no km_type
        /// (KmTypeNotInKernel). The model decides, since it depends on the machine, and an empty Type (a 6.x
        /// result piped back, or its CSV cell) is no type.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KmTypeCompleter))]
        public string? Type { get; set; }

        /// <summary>-Type, with empty text read as none.</summary>
        protected string? KmType => string.IsNullOrEmpty(Type) ? null : Type;

        /// <summary>The CPU whose slot to use; by default the task's CPU.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        [ArgumentCompleter(typeof(CpuCompleter))]
        public int? Cpu { get; set; }
    }
}
