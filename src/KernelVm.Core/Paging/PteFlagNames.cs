using System.Collections.Generic;

namespace KernelVm.Paging
{
    /// <summary>Decodes entry bits by name: PRESENT, RW, USER, ... as crash's vtop prints them.</summary>
    public static class PteFlagNames
    {
        private static readonly (PteFlags Flag, string Name)[] Names =
        {
            (PteFlags.Present, "PRESENT"), (PteFlags.RW, "RW"), (PteFlags.User, "USER"), (PteFlags.PWT, "PWT"),
            (PteFlags.PCD, "PCD"), (PteFlags.Accessed, "ACCESSED"), (PteFlags.Dirty, "DIRTY"), (PteFlags.PSE, "PSE"),
            (PteFlags.Global, "GLOBAL"), (PteFlags.NX, "NX"),
        };

        public static IReadOnlyList<string> Of(ulong value)
        {
            var names = new List<string>();
            foreach (var (flag, name) in Names)
            {
                if ((value & (ulong)flag) != 0)
                {
                    names.Add(name);
                }
            }

            return names;
        }
    }
}
