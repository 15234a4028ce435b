using KernelVm.Trace;

namespace KernelVm.PowerShell
{
    /// <summary>One step the kernel took, as Get-VmEvent writes it: fields that do not apply are empty.</summary>
    public sealed class VmEventInfo
    {
        internal VmEventInfo(Machine machine, KernelEvent e)
        {
            Machine = machine.Name;
            Sequence = e.Sequence;
            Kind = e.Kind;
            Task = e.Task;
            Cpu = e.Cpu >= 0 ? e.Cpu : null;
            Slot = e.Slot >= 0 ? e.Slot : null;
            Pfn = e.Pfn >= 0 ? new Address((ulong)e.Pfn) : null;
            Address = e.Address != 0 ? new Address(e.Address) : null;
            Bucket = e.Bucket >= 0 ? e.Bucket : null;
            PkmapCount = e.Count >= 0 ? e.Count : null;
            Detail = e.Detail;
        }

        /// <summary>Increases by one per event since boot; Get-VmEvent -Since takes it.</summary>
        public long Sequence { get; }

        public EventKind Kind { get; }

        public string? Task { get; }

        public int? Cpu { get; }

        /// <summary>The pkmap slot, or the fixmap index for kmap_atomic and fixmap events.</summary>
        public int? Slot { get; }

        public Address? Pfn { get; }

        /// <summary>The virtual address the step concerns.</summary>
        public Address? Address { get; }

        /// <summary>The page_address_htable bucket.</summary>
        public int? Bucket { get; }

        /// <summary>pkmap_count[slot] after the step.</summary>
        public int? PkmapCount { get; }

        public string? Detail { get; }

        /// <summary>The name of the machine this came from; -Machine binds it back by name.</summary>
        public string Machine { get; }
    }
}
