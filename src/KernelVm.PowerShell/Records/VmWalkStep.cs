using KernelVm.Paging;

namespace KernelVm.PowerShell
{
    /// <summary>One level of a page-table walk: the table, the entry's address and value, and its flags by name.</summary>
    public sealed class VmWalkStep
    {
        internal VmWalkStep(WalkStep step)
        {
            Level = step.Level;
            Index = step.Index;
            Table = step.TablePhysical;
            Entry = step.EntryPhysical;
            Value = step.Value;
            Flags = string.Join("|", step.FlagNames);
            Present = step.Present;
            IsLeaf = step.IsLeaf;
        }

        /// <summary>pgd, pud, pmd or pte.</summary>
        public string Level { get; }

        public int Index { get; }

        /// <summary>Physical address of the table.</summary>
        public Address Table { get; }

        /// <summary>Physical address of the entry.</summary>
        public Address Entry { get; }

        /// <summary>The raw entry.</summary>
        public Address Value { get; }

        /// <summary>The entry's flags by name (PRESENT|RW|ACCESSED|DIRTY|PSE|GLOBAL).</summary>
        public string Flags { get; }

        public bool Present { get; }

        /// <summary>Whether the entry maps a page (a PTE, or a PSE large page).</summary>
        public bool IsLeaf { get; }

        /// <summary>The step as crash's vtop prints it, which is how a walk prints in Export-Csv.</summary>
        public override string ToString() => Formatting.DisplayFormat.WalkStep(this);
    }
}
