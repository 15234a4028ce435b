namespace KernelVm.PowerShell
{
    /// <summary>
    /// A machine's state at one instant, part by part, read under kmap_lock. It never changes: the
    /// machine goes on, the snapshot stays. Each part holds the records the matching Get- cmdlet
    /// writes, so <c>Compare-Object $a.Pkmap $b.Pkmap -Property Slot, PkmapCount</c> works too.
    /// </summary>
    public sealed class VmSnapshot
    {
        internal VmSnapshot(Machine machine, VmSnapshotPart parts)
        {
            Machine = machine.Name;
            KernelVersion = machine.Kernel.Version;
            Architecture = machine.Architecture;
            Sequence = machine.Events.NextSequence;
            Parts = parts;
        }

        /// <summary>The name of the machine this came from.</summary>
        public string Machine { get; }

        public string KernelVersion { get; }

        public Profiles.Architecture Architecture { get; }

        /// <summary>The sequence number of the machine's next event when the snapshot was taken: Get-VmEvent -Since reads what happened after.</summary>
        public long Sequence { get; }

        /// <summary>The parts taken that this machine has (a machine without CONFIG_HIGHMEM has no pkmap; 2.4.22 has no hash).</summary>
        public VmSnapshotPart Parts { get; }

        public RecordList<VmLayoutRegion> Layout { get; internal set; } = Empty<VmLayoutRegion>();

        public RecordList<PkmapSlotInfo> Pkmap { get; internal set; } = Empty<PkmapSlotInfo>();

        public RecordList<PageAddressMapEntry> Hash { get; internal set; } = Empty<PageAddressMapEntry>();

        public RecordList<PageAddressInfo> Pages { get; internal set; } = Empty<PageAddressInfo>();

        public RecordList<FixmapInfo> Fixmap { get; internal set; } = Empty<FixmapInfo>();

        public RecordList<PageTableEntryInfo> PageTables { get; internal set; } = Empty<PageTableEntryInfo>();

        public RecordList<VmTlbEntryInfo> Tlb { get; internal set; } = Empty<VmTlbEntryInfo>();

        public RecordList<VmTaskInfo> Tasks { get; internal set; } = Empty<VmTaskInfo>();

        public override string ToString() => Machine + " at event " + Sequence + " (" + Parts + ")";

        private static RecordList<T> Empty<T>() => new(new T[0]);
    }
}
