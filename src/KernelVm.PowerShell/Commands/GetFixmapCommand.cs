using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>The fixmap indices of this kernel and config: names, addresses (__fix_to_virt) and current mappings.</summary>
    [Cmdlet(VerbsCommon.Get, "Fixmap", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(FixmapInfo))]
    public sealed class GetFixmapCommand : FixmapCommand
    {
        private const string AllSet = "All";
        private const string VirtualSet = "VirtualAddress";

        /// <summary>Addresses to look up with virt_to_fix(), which BUGs outside [FIXADDR_START, FIXADDR_TOP).</summary>
        [Parameter(Mandatory = true, ParameterSetName = VirtualSet, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] VirtualAddress { get; set; } = null!;

        /// <summary>Only indices whose PTE is present (set fixmaps, kmap_atomic slots in use).</summary>
        [Parameter]
        public SwitchParameter Mapped { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            switch (ParameterSetName)
            {
                case AllSet:
                    for (var i = 0; i < machine.Fixmaps.EndOfFixed; i++)
                    {
                        Write(machine, i);
                    }

                    break;
                case VirtualSet:
                    foreach (var vaddr in VirtualAddress)
                    {
                        try
                        {
                            Write(machine, machine.VirtToFix(vaddr));
                        }
                        catch (KernelVmException e)
                        {
                            WriteModelError(e);
                        }
                    }

                    break;
                default:
                    foreach (var index in SelectedIndices(machine))
                    {
                        Write(machine, index);
                    }

                    break;
            }
        }

        private void Write(Machine machine, int index)
        {
            try
            {
                var info = new FixmapInfo(machine, machine.Fixmap(index));
                if (!Mapped || info.Mapped)
                {
                    WriteObject(info);
                }
            }
            catch (KernelVmException e)
            {
                WriteModelError(e);
            }
        }
    }
}
