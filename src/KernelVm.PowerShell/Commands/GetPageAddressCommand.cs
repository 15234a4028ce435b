using System.Management.Automation;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>page_address(): a page's kernel virtual address, and the hash bucket it was looked up in.</summary>
    [Cmdlet(VerbsCommon.Get, "PageAddress")]
    [OutputType(typeof(PageAddressInfo))]
    [Alias("page_address")]
    public sealed class GetPageAddressCommand : MachineCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] Pfn { get; set; } = null!;

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var pfn in Pfn)
            {
                try
                {
                    WriteObject(machine.Read(m => Lookup(m, pfn)));
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }

        private static PageAddressInfo Lookup(Machine machine, ulong pfn)
        {
            var page = machine.Memory.GetPage(pfn);
            if (page.Zone.Type != Physical.ZoneType.HighMem)
            {
                return new PageAddressInfo(machine, pfn, page.Address, false, machine.PageOffset + (pfn << KernelVm.Machine.PageShift), null, null);
            }

            var pkmap = machine.Pkmap!;
            var vaddr = pkmap.PageAddress(pfn);
            var bucket = machine.PageAddressBucket(pfn);
            return new PageAddressInfo(machine, pfn, page.Address, true, vaddr, bucket < 0 ? null : bucket, vaddr == 0 ? null : pkmap.SlotOf(vaddr));
        }
    }
}
