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
                    WriteObject(machine.Read(m => StateReader.PageAddress(m, pfn)));
                }
                catch (KernelVmException e)
                {
                    WriteModelError(e);
                }
            }
        }
    }
}
