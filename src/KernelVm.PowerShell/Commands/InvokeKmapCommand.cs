using System.Management.Automation;
using KernelVm.Highmem;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>kmap(): maps pages into the kernel's address space; a highmem page gets a persistent kmap slot.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "Kmap", DefaultParameterSetName = "Pfn", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KmapResult))]
    [Alias("kmap")]
    public sealed class InvokeKmapCommand : KmapCommand
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Pfn", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] Pfn { get; set; } = null!;

        /// <summary>Page descriptors from Get-VmPage.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Page")]
        [ValidateNotNull]
        public VmPageInfo[] Page { get; set; } = null!;

        /// <summary>Then touch the mapping from the task's CPU, which loads its TLB entry.</summary>
        [Parameter]
        public SwitchParameter Touch { get; set; }

        /// <summary>kmap_nonblock() (2.4.22): fail instead of sleeping when no slot is free.</summary>
        [Parameter]
        public SwitchParameter NoBlock { get; set; }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            foreach (var pfn in ParameterSetName == "Page" ? System.Linq.Enumerable.Select(Page, p => p.Pfn) : Pfn)
            {
                if (!ShouldProcess("pfn " + Formatting.DisplayFormat.Pfn(pfn), "kmap as " + Task))
                {
                    continue;
                }

                var from = machine.Events.NextSequence;
                try
                {
                    var outcome = machine.Kmap(Task, pfn, NoBlock);
                    WriteStepsSince(machine, from);
                    if (outcome.Status == KmapStatus.Blocked)
                    {
                        WriteWarning("Task " + Task + " is blocked: every pkmap slot is in use, so kmap() sleeps on pkmap_map_wait. "
                            + "It completes when a kunmap() brings a slot's count to 1 (Get-VmTask shows it).");
                    }
                    else if (outcome.Status == KmapStatus.Failed)
                    {
                        WriteWarning("kmap_nonblock() found no free pkmap slot and returned NULL.");
                    }

                    WriteObject(new KmapResult(machine, outcome));
                    if (Touch && outcome.VirtualAddress != 0)
                    {
                        TouchAddress(machine, outcome.VirtualAddress, null);
                    }
                }
                catch (KernelVmException e)
                {
                    WriteStepsSince(machine, from);
                    WriteModelError(e);
                }
            }
        }
    }
}
