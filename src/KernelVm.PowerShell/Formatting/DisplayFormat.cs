using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KernelVm.PowerShell.Formatting
{
    /// <summary>
    /// The text the format views show. Views call these so that display logic stays in C#, where
    /// it is tested; the objects themselves keep raw numbers.
    /// </summary>
    public static class DisplayFormat
    {
        /// <summary>0x and at least <paramref name="digits"/> hex digits.</summary>
        public static string Hex(ulong value, int digits) =>
            "0x" + value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        /// <summary>A page frame number as crash prints it: hex, five digits for 32-bit physical memory.</summary>
        public static string Pfn(ulong pfn) => Hex(pfn, 5);

        /// <summary>A page-table entry: 8 hex digits, or 16 when the entry is 64-bit wide (PAE, NX).</summary>
        public static string Entry(ulong value) => Hex(value, value > uint.MaxValue ? 16 : 8);

        /// <summary>A walk, one line per level, as crash's vtop prints it.</summary>
        public static string Walk(IEnumerable<VmWalkStep> steps) => string.Join("\n", steps);

        /// <summary>One level of a walk: "pgd[768] 0x00101C00: 0x000001E3 PRESENT|RW|...".</summary>
        public static string WalkStep(VmWalkStep step) =>
            step.Level + "[" + step.Index.ToString(CultureInfo.InvariantCulture) + "] " + step.Entry + ": " +
            Entry(step.Value) + " " + (step.Present ? step.Flags : "(not present)");

        /// <summary>A kmap() as a line: "task0 NewSlot pfn 0x40000 at 0xFF801000 slot 1 count 2".</summary>
        public static string Kmap(KmapResult kmap)
        {
            var text = new StringBuilder(kmap.Task).Append(' ').Append(kmap.Status).Append(" pfn ").Append(Pfn(kmap.Pfn));
            if (kmap.VirtualAddress is { } address) text.Append(" at ").Append(address.ToString());
            if (kmap.Slot is { } slot) text.Append(" slot ").Append(slot.ToString(CultureInfo.InvariantCulture));
            if (kmap.PkmapCount is { } count) text.Append(" count ").Append(count.ToString(CultureInfo.InvariantCulture));
            if (kmap.Wrapped) text.Append(" wrapped");
            if (kmap.Flushed) text.Append(" flushed");
            return text.ToString();
        }

        /// <summary>One kernel event as a line: "SlotChosen task0 slot 1 pfn 0x40000 at 0xFF801000".</summary>
        public static string Event(Trace.KernelEvent e)
        {
            var text = new StringBuilder(e.Kind.ToString());
            if (e.Task is not null) text.Append(' ').Append(e.Task);
            if (e.Cpu >= 0) text.Append(" cpu ").Append(e.Cpu.ToString(CultureInfo.InvariantCulture));
            if (e.Slot >= 0) text.Append(" slot ").Append(e.Slot.ToString(CultureInfo.InvariantCulture));
            if (e.Pfn >= 0) text.Append(" pfn ").Append(Pfn((ulong)e.Pfn));
            if (e.Address != 0) text.Append(" at ").Append(Hex(e.Address, 8));
            if (e.Bucket >= 0) text.Append(" bucket ").Append(e.Bucket.ToString(CultureInfo.InvariantCulture));
            if (e.Count >= 0) text.Append(" count ").Append(e.Count.ToString(CultureInfo.InvariantCulture));
            if (e.Detail is not null) text.Append(": ").Append(e.Detail);
            return text.ToString();
        }

        /// <summary>A byte count in the largest binary unit that divides it (896 MiB, 2 GiB, 8 KiB), else in bytes.</summary>
        public static string Size(ulong bytes) => Picture.SizeText.Exact(bytes);
    }
}
