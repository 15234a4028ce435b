namespace KernelVm.PowerShell
{
    /// <summary>How one item differs between two snapshots.</summary>
    public enum VmSnapshotChange
    {
        /// <summary>A value of an item both snapshots hold.</summary>
        Changed,
        /// <summary>An item only the difference snapshot holds (Old is empty).</summary>
        Added,
        /// <summary>An item only the reference snapshot holds (New is empty).</summary>
        Removed,
    }

    /// <summary>One difference between two snapshots: which part, which item, which value, before and after.</summary>
    public sealed class VmSnapshotDifference
    {
        internal VmSnapshotDifference(VmSnapshotPart part, string where, string what, VmSnapshotChange change, object? old, object? @new)
        {
            Part = part;
            Where = where;
            What = what;
            Change = change;
            Old = old;
            New = @new;
        }

        public VmSnapshotPart Part { get; }

        /// <summary>The item: "slot 5", "pfn 0x38000", "FIX_APIC_BASE", "cpu 1 0xff805000", "task t1", a region's name.</summary>
        public string Where { get; }

        /// <summary>The property that differs, as the part's records name it; for Added and Removed, the property that names the item (Slot, Name, Pfn, VirtualAddress).</summary>
        public string What { get; }

        public VmSnapshotChange Change { get; }

        /// <summary>The reference snapshot's value.</summary>
        public object? Old { get; }

        /// <summary>The difference snapshot's value.</summary>
        public object? New { get; }
    }
}
