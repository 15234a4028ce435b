using System.Globalization;
using KernelVm.Layout;
using KernelVm.Profiles;

namespace KernelVm
{
    /// <summary>
    /// Every error the model raises, in one place, so that ids stay stable and unique
    /// (a test checks the uniqueness).
    /// </summary>
    public static class Errors
    {
        public const string NotInDirectMap = "NotInDirectMap";
        public const string HighmemHasNoPermanentMapping = "HighmemHasNoPermanentMapping";
        public const string PhysicalAddressBeyondRam = "PhysicalAddressBeyondRam";
        public const string SplitNotAllowedWithPae = "SplitNotAllowedWithPae";
        public const string SplitNotAvailable = "SplitNotAvailable";
        public const string MemorySizeInvalid = "MemorySizeInvalid";
        public const string HighMemNotAllowed = "HighMemNotAllowed";
        public const string ArchitectureNotInKernel = "ArchitectureNotInKernel";

        internal static KernelVmException NotInDirectMapAt(ulong virt, ulong pageOffset, ulong highMemory) => new(
            NotInDirectMap, FailureKind.InvalidArgument, virt,
            F("Virtual address {0} is not in the direct map [{1}, {2}): __pa() is only defined for lowmem addresses.",
              Hex(virt), Hex(pageOffset), Hex(highMemory)));

        internal static KernelVmException HighmemAt(ulong phys, ulong lowmemEnd) => new(
            HighmemHasNoPermanentMapping, FailureKind.InvalidArgument, phys,
            F("Physical address {0} is in high memory (at or above {1}), which has no permanent kernel mapping. " +
              "Map its page with Invoke-Kmap to get a virtual address.", Hex(phys), Hex(lowmemEnd)));

        internal static KernelVmException BeyondRam(ulong phys, ulong ramEnd) => new(
            PhysicalAddressBeyondRam, FailureKind.InvalidArgument, phys,
            F("Physical address {0} is beyond the end of RAM ({1}).", Hex(phys), Hex(ramEnd)));

        internal static KernelVmException SplitWithPae(VmSplit split) => new(
            SplitNotAllowedWithPae, FailureKind.InvalidArgument, split,
            F("{0} is not allowed with PAE: Kconfig makes it depend on !X86_PAE, because PAE handles only " +
              "kernel/user splits aligned to 1 GiB.", split));

        internal static KernelVmException SplitUnavailable(VmSplit split, string kernel) => new(
            SplitNotAvailable, FailureKind.InvalidArgument, split,
            F("Kernel {0} has no CONFIG_VMSPLIT option: PAGE_OFFSET is fixed at 0xC0000000, so only VMSPLIT_3G exists. {1} is not available.",
              kernel, split));

        internal static KernelVmException BadMemorySize(ulong size, string why) => new(
            MemorySizeInvalid, FailureKind.InvalidArgument, size,
            F("Memory size {0} is not usable: {1}", Hex(size), why));

        internal static KernelVmException HighMemConflict(HighMemSupport highMem, Architecture arch, string why) => new(
            HighMemNotAllowed, FailureKind.InvalidArgument, highMem,
            F("{0} cannot be combined with {1}: {2}", highMem, arch, why));

        internal static KernelVmException NoArchitecture(Architecture arch, string kernel) => new(
            ArchitectureNotInKernel, FailureKind.InvalidArgument, arch,
            F("The model of kernel {0} has no {1} layout.", kernel, arch));

        internal static string Hex(ulong value) => "0x" + value.ToString(value > uint.MaxValue ? "X" : "X8", CultureInfo.InvariantCulture);

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
