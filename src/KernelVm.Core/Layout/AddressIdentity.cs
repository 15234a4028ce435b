using System.Globalization;

namespace KernelVm.Layout
{
    /// <summary>What an address in a region means, in the kernel's terms (drgn's identify_address).</summary>
    internal static class AddressIdentity
    {
        internal static string Describe(Machine machine, MemoryRegion region, ulong address)
        {
            var layout = machine.Layout;
            switch (region.Kind)
            {
                case RegionKind.DirectMap:
                    var pa = address - machine.PageOffset;
                    return F("direct map: __pa() = {0}, pfn {1}", Errors.Hex(pa), Errors.Hex(pa >> Machine.PageShift));
                case RegionKind.Pkmap:
                    return F("persistent kmap slot {0} (PKMAP_NR)", (address - layout.PkmapBase!.Value) >> Machine.PageShift);
                case RegionKind.FixmapPermanent or RegionKind.FixmapBootTime or RegionKind.FixmapHole when address <= layout.FixaddrTop:
                    var index = (int)((layout.FixaddrTop - (address & ~(Machine.PageSize - 1))) >> Machine.PageShift);
                    var name = machine.Fixmaps.RangeOf(index)?.NameOf(index) ?? "alignment padding";
                    return F("fixmap index {0} ({1}){2}", index, name, region.Kind == RegionKind.FixmapBootTime ? ", a boot-time slot" : "");
                case RegionKind.KernelText:
                    return F("kernel text mapping: __pa() = {0} (x - __START_KERNEL_map + phys_base, phys_base 0)", Errors.Hex(address - Machine.StartKernelMap));
                case RegionKind.User:
                    return "user space: swapper_pg_dir maps no user pages";
                case RegionKind.VmallocGap or RegionKind.GuardPages:
                    return "a guard gap: never mapped, so overruns fault";
                case RegionKind.Vmalloc:
                    return "vmalloc area: mapped only by vmalloc() and ioremap()";
                default:
                    return region.Description;
            }
        }

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
