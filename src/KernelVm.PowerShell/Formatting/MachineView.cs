using System.Linq;
using System.Management.Automation;
using KernelVm.Profiles;

namespace KernelVm.PowerShell.Formatting
{
    /// <summary>
    /// The code properties KernelVm.Types.ps1xml puts on a Machine. They shadow the model's raw
    /// UInt64 values with <see cref="Address"/> values (so PageOffset -eq 0xC0000000 holds), and add
    /// the New-VmMachine parameters a machine was made with, each as one CSV-friendly value, so that
    /// Get-VmMachine | Export-Csv, then Import-Csv | New-VmMachine makes the same machine again.
    /// </summary>
    public static class MachineView
    {
        /// <summary>A machine's name under the property name every record uses, so a piped machine binds to -Machine.</summary>
        public static string Machine(PSObject machine) => Of(machine).Name;

        public static Address PageOffset(PSObject machine) => Of(machine).PageOffset;

        public static Address HighMemory(PSObject machine) => Of(machine).HighMemory;

        public static Address MaxMem(PSObject machine) => Of(machine).MaxMem;

        public static Address VmallocReserve(PSObject machine) => Of(machine).VmallocReserve;

        public static Address UsableMemory(PSObject machine) => Of(machine).UsableMemory;

        public static Address MaxPfn(PSObject machine) => Of(machine).MaxPfn;

        public static Address MaxLowPfn(PSObject machine) => Of(machine).MaxLowPfn;

        public static Address HighStartPfn(PSObject machine) => Of(machine).HighStartPfn;

        public static Address HighEndPfn(PSObject machine) => Of(machine).HighEndPfn;

        /// <summary>The RAM asked for (-MemorySize), or the e820 map's usable total; UsableMemory is what boot kept.</summary>
        public static Address MemorySize(PSObject machine) => Of(machine).Config.MemorySize;

        public static string KernelVersion(PSObject machine) => Of(machine).Kernel.Version;

        /// <summary>The preset the options start from: R2 when they are R2's, else R1 plus KernelOption.</summary>
        public static string Config(PSObject machine) => Of(machine).Options == KernelConfig.R2 ? "R2" : "R1";

        public static int NrCpus(PSObject machine) => Of(machine).Options.NrCpus;

        /// <summary>
        /// The Kconfig options turned on, comma-separated (New-VmMachine -KernelOption splits them):
        /// those that turning on again changes nothing.
        /// </summary>
        public static string KernelOption(PSObject machine)
        {
            var options = Of(machine).Options;
            return string.Join(",", KernelConfig.OptionNames.Where(name => options.With(name) == options));
        }

        public static string CpuFeature(PSObject machine) => Of(machine).Config.Cpu.Features.ToString();

        /// <summary>The boot options as a kernel command line, in their order.</summary>
        public static string BootOption(PSObject machine) => Of(machine).Config.Boot.ToString();

        /// <summary>The NUMA node ranges, comma-separated ('0x0-0x80000000,...'); empty for UMA.</summary>
        public static string NodeRange(PSObject machine) =>
            string.Join(",", Of(machine).Config.Nodes.Select(n => new Address(n.Start) + "-" + new Address(n.End)));

        /// <summary>The BIOS memory map as -E820 reads it back ('0x0-0x9fbff usable,...'); empty without one.</summary>
        public static string E820(PSObject machine) => Of(machine).Config.E820 is { } map ? Transforms.E820Entries.Format(map) : "";

        /// <summary>sizeof(struct page) the machine's mem_map uses.</summary>
        public static ulong StructPageSize(PSObject machine) => Of(machine).Memory.StructPageSize;

        public static Address KernelImageSize(PSObject machine) => Of(machine).Config.KernelImageSize;

        /// <summary>The events the machine's log keeps (a power of two); its Events.NextSequence is the number of the next one.</summary>
        public static int EventLogCapacity(PSObject machine) => Of(machine).Events.Capacity;

        private static KernelVm.Machine Of(PSObject machine) => (KernelVm.Machine)machine.BaseObject;
    }
}
