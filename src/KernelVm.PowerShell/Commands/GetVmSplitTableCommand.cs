using System;
using System.Linq;
using System.Management.Automation;
using KernelVm.Layout;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The split table (Mauerer, Table 3-6): PAGE_OFFSET and MAXMEM for every CONFIG_VMSPLIT choice.</summary>
    [Cmdlet(VerbsCommon.Get, "VmSplitTable")]
    [OutputType(typeof(VmSplitRow))]
    public sealed class GetVmSplitTableCommand : KernelVmCommand
    {
        /// <summary>The kernel whose formulas to use; by default the session machine's, else 2.6.24.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(KernelVersionCompleter))]
        [Alias("Kernel")]
        public string? KernelVersion { get; set; }

        /// <summary>X86 or X86Pae; by default the session machine's, else X86.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("X86", "X86Pae")]
        [EnumTransformation(typeof(Architecture))]
        public Architecture? Architecture { get; set; }

        protected override void ProcessInput()
        {
            var latest = SessionMachines.Current.Default;
            var kernel = KernelVersion is null ? latest?.Kernel ?? KernelProfile.Default : KernelProfile.Find(KernelVersion);
            if (kernel is null)
            {
                WriteError(CmdletErrors.NameUnknown(CmdletErrors.KernelVersionUnknown, KernelVersion, "a kernel the model knows", KernelProfile.All.Select(p => p.Version).ToArray()));
                return;
            }

            var pae = (Architecture ?? (latest?.Architecture == Profiles.Architecture.X86Pae ? Profiles.Architecture.X86Pae : Profiles.Architecture.X86)) == Profiles.Architecture.X86Pae;
            foreach (VmSplit split in Enum.GetValues(typeof(VmSplit)))
            {
                var row = SplitTable.Row(split, kernel, pae);
                WriteObject(new VmSplitRow(split, row.PageOffset, row.MaxMem, row.Allowed, kernel.Version, pae));
            }
        }
    }
}
