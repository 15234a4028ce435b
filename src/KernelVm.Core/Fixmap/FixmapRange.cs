namespace KernelVm.Fixmap
{
    /// <summary>
    /// One entry of enum fixed_addresses, or a run of them that the kernel names by its first and
    /// last member (FIX_KMAP_BEGIN ... FIX_KMAP_END, FIX_BTMAP_END ... FIX_BTMAP_BEGIN).
    /// </summary>
    public sealed class FixmapRange
    {
        internal FixmapRange(string firstName, string? lastName, int firstIndex, int count, bool bootTime)
        {
            FirstName = firstName;
            LastName = lastName ?? firstName;
            FirstIndex = firstIndex;
            Count = count;
            BootTime = bootTime;
        }

        /// <summary>The name of the lowest index (the highest address).</summary>
        public string FirstName { get; }

        public string LastName { get; }

        public int FirstIndex { get; }

        public int Count { get; }

        public int LastIndex => FirstIndex + Count - 1;

        /// <summary>Boot-time slots (at or above __end_of_permanent_fixed_addresses), for early ioremap.</summary>
        public bool BootTime { get; }

        public bool Contains(int index) => index >= FirstIndex && index <= LastIndex;

        /// <summary>The name of one index: the range's own name, or FIRST+n inside a run, as the kernel writes it.</summary>
        public string NameOf(int index) =>
            index == FirstIndex ? FirstName : index == LastIndex ? LastName : FirstName + "+" + (index - FirstIndex);
    }
}
