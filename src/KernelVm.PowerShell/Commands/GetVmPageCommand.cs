using System.Linq;
using System.Management.Automation;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Page descriptors, like crash's kmem -p: by pfn, physical or virtual address, by zone, or all of them streamed.</summary>
    [Cmdlet(VerbsCommon.Get, "VmPage", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(VmPageInfo))]
    public sealed class GetVmPageCommand : MachineCommand
    {
        private const string AllSet = "All";
        private const string PfnSet = "Pfn";
        private const string PhysicalSet = "PhysicalAddress";
        private const string VirtualSet = "VirtualAddress";
        private const string ZoneSet = "Zone";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PfnSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AddressTransformation]
        public Address[] Pfn { get; set; } = null!;

        /// <summary>Physical addresses; not bound from piped records, whose Pfn property already says which page.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PhysicalSet)]
        [AddressTransformation]
        public Address[] PhysicalAddress { get; set; } = null!;

        /// <summary>Direct-map addresses (virt_to_page()), or fixmap addresses such as kmap_atomic slots (kmap_atomic_to_page()).</summary>
        [Parameter(Mandatory = true, ParameterSetName = VirtualSet)]
        [AddressTransformation]
        public Address[] VirtualAddress { get; set; } = null!;

        /// <summary>Every page of the zones with these names (DMA, Normal, HighMem, ...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ZoneSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ZoneNameCompleter))]
        public string[] Zone { get; set; } = null!;

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            switch (ParameterSetName)
            {
                case PfnSet:
                    foreach (var pfn in Pfn)
                    {
                        WritePage(machine, pfn);
                    }

                    break;
                case PhysicalSet:
                    foreach (var physical in PhysicalAddress)
                    {
                        WritePage(machine, physical >> KernelVm.Machine.PageShift);
                    }

                    break;
                case VirtualSet:
                    foreach (var virt in VirtualAddress)
                    {
                        try
                        {
                            WritePage(machine, machine.KmapAtomicToPfn(virt));
                        }
                        catch (KernelVmException e)
                        {
                            WriteModelError(e);
                        }
                    }

                    break;
                default:
                    var zones = machine.Memory.Zones.Where(z => ParameterSetName == AllSet || Patterns.Match(Zone, z.Name)).ToList();
                    var total = zones.Sum(z => (long)(z.EndPfn - z.StartPfn));
                    var progress = new ProgressThrottle(this, "Get-VmPage on " + machine.Name);
                    long done = 0;
                    foreach (var zone in zones)
                    {
                        for (var pfn = zone.StartPfn; pfn < zone.EndPfn && !Stopping; pfn++)
                        {
                            WritePage(machine, pfn);
                            if (progress.Due(++done))
                            {
                                progress.Show(done, total, "Zone " + zone.Name + ", pfn " + Formatting.DisplayFormat.Pfn(pfn) + " (" + done + " of " + total + " pages)");
                            }
                        }
                    }

                    progress.Complete();

                    GetVmZoneCommand.WriteUnmatchedZones(this, machine, ParameterSetName == ZoneSet ? Zone : null);

                    break;
            }
        }

        private void WritePage(Machine machine, ulong pfn)
        {
            try
            {
                var page = machine.Memory.GetPage(pfn);
                WriteObject(new VmPageInfo(machine, page, pfn < machine.MaxLowPfn ? machine.PageOffset + (pfn << KernelVm.Machine.PageShift) : null));
            }
            catch (KernelVmException e)
            {
                WriteModelError(e);
            }
        }
    }
}
