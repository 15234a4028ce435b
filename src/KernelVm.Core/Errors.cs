using System.Globalization;
using KernelVm.Layout;
using KernelVm.Profiles;

namespace KernelVm
{
    /// <summary>
    /// Every error the model raises, in one place, so that ids stay stable and unique
    /// (a test checks the uniqueness).
    /// </summary>
    public static partial class Errors
    {
        public const string NotInDirectMap = "NotInDirectMap";
        public const string HighmemHasNoPermanentMapping = "HighmemHasNoPermanentMapping";
        public const string PhysicalAddressBeyondRam = "PhysicalAddressBeyondRam";
        public const string SplitNotAllowedWithPae = "SplitNotAllowedWithPae";
        public const string SplitNotAvailable = "SplitNotAvailable";
        public const string MemorySizeInvalid = "MemorySizeInvalid";
        public const string HighMemNotAllowed = "HighMemNotAllowed";
        public const string ArchitectureNotInKernel = "ArchitectureNotInKernel";
        public const string PfnOutOfRange = "PfnOutOfRange";
        public const string OutOfBootMemory = "OutOfBootMemory";
        public const string VmallocReserveTooLarge = "VmallocReserveTooLarge";
        public const string BootOptionNotInKernel = "BootOptionNotInKernel";
        public const string BootOptionInvalid = "BootOptionInvalid";
        public const string LayoutBug = "LayoutBug";
        public const string NumaNotAvailable = "NumaNotAvailable";
        public const string NodeRangeInvalid = "NodeRangeInvalid";
        public const string E820EntryEmpty = "E820EntryEmpty";
        public const string E820EntryBeyondAddressSpace = "E820EntryBeyondAddressSpace";
        public const string E820EntriesOverlap = "E820EntriesOverlap";
        public const string E820NoUsableRam = "E820NoUsableRam";
        public const string ConfigValueInvalid = "ConfigValueInvalid";
        public const string KernelOptionUnknown = "KernelOptionUnknown";
        public const string BootOptionUnknown = "BootOptionUnknown";
        public const string KunmapNotMapped = "KunmapNotMapped";
        public const string PkmapCountZero = "PkmapCountZero";
        public const string KmapAtomicSlotBusy = "KmapAtomicSlotBusy";
        public const string TaskBlocked = "TaskBlocked";
        public const string TaskNotFound = "TaskNotFound";
        public const string TaskNotBlocked = "TaskNotBlocked";
        public const string KmTypeUnknown = "KmTypeUnknown";
        public const string CpuOutOfRange = "CpuOutOfRange";
        public const string StaleTlbAccess = "StaleTlbAccess";
        public const string UnmappedKernelAccess = "UnmappedKernelAccess";
        public const string NonblockNotInKernel = "NonblockNotInKernel";
        public const string VirtToFixOutOfRange = "VirtToFixOutOfRange";
        public const string FixmapDoesNotExist = "FixmapDoesNotExist";
        public const string AddressBeyondArchitecture = "AddressBeyondArchitecture";
        public const string AddressNotCanonical = "AddressNotCanonical";
        public const string KernelImageSizeInvalid = "KernelImageSizeInvalid";
        public const string KernelSectionsInvalid = "KernelSectionsInvalid";
        public const string MachineFileCorrupt = "MachineFileCorrupt";
        public const string MachineFileInvalid = "MachineFileInvalid";
        public const string MachineFileInconsistent = "MachineFileInconsistent";
        public const string MachineFileVersionUnsupported = "MachineFileVersionUnsupported";
        public const string PhysicalBeyondArchitecture = "PhysicalBeyondArchitecture";
        public const string SetFixmapBeyondEnd = "SetFixmapBeyondEnd";
        public const string KunmapAtomicBadAddress = "KunmapAtomicBadAddress";
        public const string ExerciseUnavailable = "ExerciseUnavailable";
        public const string KmapLocalNotInKernel = "KmapLocalNotInKernel";
        public const string KmTypeNotInKernel = "KmTypeNotInKernel";
        public const string KmTypeRequired = "KmTypeRequired";
        public const string KmapLocalStackFull = "KmapLocalStackFull";
        public const string KmapLocalSlotBusy = "KmapLocalSlotBusy";
        public const string KunmapLocalEmpty = "KunmapLocalEmpty";
        public const string KunmapAtomicUnbalanced = "KunmapAtomicUnbalanced";
        public const string TaskMigrationDisabled = "TaskMigrationDisabled";
        public const string CpuNotPreemptible = "CpuNotPreemptible";
        public const string EventLogCapacityInvalid = "EventLogCapacityInvalid";
        public const string WorkloadMixInvalid = "WorkloadMixInvalid";
        public const string WorkloadOptionInvalid = "WorkloadOptionInvalid";
        public const string WorkloadTasksBlocked = "WorkloadTasksBlocked";

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

        internal static KernelVmException PfnBeyondMemMap(ulong pfn, ulong maxMapNr) => new(
            PfnOutOfRange, FailureKind.InvalidArgument, pfn,
            F("Pfn {0} has no struct page: pfn_valid() needs a pfn below max_mapnr ({1}).", Hex(pfn), Hex(maxMapNr)));

        internal static KernelVmException BootMemExhausted(ulong size, string owner) => new(
            OutOfBootMemory, FailureKind.InvalidArgument, size,
            F("Bootmem cannot find {0} bytes of lowmem for {1}: the machine has too little low memory.", Hex(size), owner));

        internal static KernelVmException VmallocTooLarge(ulong reserve, ulong pageOffset) => new(
            VmallocReserveTooLarge, FailureKind.InvalidArgument, reserve,
            F("A vmalloc reserve of {0} leaves no room for the direct map above PAGE_OFFSET {1} (MAXMEM = -PAGE_OFFSET - __VMALLOC_RESERVE).", Hex(reserve), Hex(pageOffset)));

        internal static KernelVmException BootOptionMissing(string option, string kernel) => new(
            BootOptionNotInKernel, FailureKind.InvalidArgument, option,
            F("Kernel {0} has no {1} boot option.", kernel, option));

        internal static KernelVmException BadBootOption(string option, ulong value, string why) => new(
            BootOptionInvalid, FailureKind.InvalidArgument, value,
            F("{0}{1} is not usable: {2}", option, Hex(value), why));

        internal static KernelVmException UnreadableBootOption(string word) => new(
            BootOptionInvalid, FailureKind.InvalidArgument, word,
            F("'{0}' is not usable: its size does not read as memparse() reads it, a number (0x for hex) with an optional K, M or G suffix.", word));

        internal static KernelVmException LayoutBroken(string check, ulong value) => new(
            LayoutBug, FailureKind.InvalidArgument, value,
            F("This configuration does not boot: mem_init() hits BUG() because {0} ({1}).", check, Hex(value)));

        internal static KernelVmException NumaUnavailable(Architecture arch, string kernel) => new(
            NumaNotAvailable, FailureKind.InvalidArgument, arch,
            F("NUMA is not available on {0} with kernel {1}: i386 NUMA needs HIGHMEM64G (X86Pae) in 2.6.24, and 6.x NUMA needs X86_64.", arch, kernel));

        internal static KernelVmException BadNodes(Physical.NodeRange node, string why) => new(
            NodeRangeInvalid, FailureKind.InvalidArgument, node,
            F("Node range {0}-{1} is not usable: {2}", Hex(node.Start), Hex(node.End), why));

        internal static KernelVmException BadE820(Physical.E820Entry entry, string id, string why) => new(
            id, FailureKind.InvalidArgument, entry,
            F("The e820 entry {0} is not usable: {1}", Physical.E820Map.Describe(entry), why));

        internal static KernelVmException E820WithoutRam(int entries) => new(
            E820NoUsableRam, FailureKind.InvalidArgument, entries,
            F("The e820 map ({0} entries) has no whole usable page: the kernel would find no RAM (max_pfn 0).", entries));

        internal static KernelVmException BadConfigValue(string option, object value, string why) => new(
            ConfigValueInvalid, FailureKind.InvalidArgument, value,
            F("{0} = {1} is not usable: {2}", option, value, why));

        internal static KernelVmException UnknownOption(string option, string known) => new(
            KernelOptionUnknown, FailureKind.InvalidArgument, option,
            F("'{0}' is not a kernel option the model knows. Known options: {1}.", option, known));

        internal static KernelVmException UnknownBootOption(string word) => new(
            BootOptionUnknown, FailureKind.InvalidArgument, word,
            F("'{0}' is not a boot option the model knows. Use vmalloc=<size>, highmem=<size>, reservetop=<size>, mem=<size>, kernelcore=<size> or movablecore=<size>, with sizes as memparse() reads them (256M, 0x1000000).", word));

        internal static KernelVmException KunmapUnmapped(ulong pfn) => new(
            KunmapNotMapped, FailureKind.InvalidOperation, pfn,
            F("kernel BUG in kunmap_high(): page_address() of pfn {0} is NULL: the page is not kmapped.", Hex(pfn)));

        internal static KernelVmException KunmapToZero(ulong pfn, int slot) => new(
            PkmapCountZero, FailureKind.InvalidOperation, pfn,
            F("kernel BUG in kunmap_high(): pkmap_count[{0}] would drop to 0 for pfn {1}. Count 1 means no users but a mapping the TLB may still hold; only flush_all_zero_pkmaps() may free it.", slot, Hex(pfn)));

        internal static KernelVmException KmapAtomicBusy(string type, int cpu, ulong vaddr, ulong pfn) => new(
            KmapAtomicSlotBusy, FailureKind.InvalidOperation, type,
            F("kernel BUG in kmap_atomic(): the {0} slot of CPU {1} ({2}) still maps pfn {3}. kunmap_atomic() it first.", type, cpu, Hex(vaddr), Hex(pfn)));

        internal static KernelVmException Blocked(string task, ulong pfn) => new(
            TaskBlocked, FailureKind.InvalidOperation, task,
            F("Task {0} is asleep in kmap() of pfn {1} on pkmap_map_wait; it runs again when a kunmap() brings a slot's count to 1 (Invoke-Kunmap a page another task holds), or give up its kmap with Stop-VmTask {0}. Other tasks can still run: -Task picks one.", task, Hex(pfn)));

        internal static KernelVmException NoSuchTask(string task) => new(
            TaskNotFound, FailureKind.NotFound, task,
            F("There is no task named '{0}' on this machine. Get-VmTask lists them.", task));

        internal static KernelVmException NotBlocked(string task) => new(
            TaskNotBlocked, FailureKind.InvalidOperation, task,
            F("Task {0} is not asleep on pkmap_map_wait: there is no kmap() to abandon.", task));

        internal static KernelVmException UnknownKmType(string type, string known) => new(
            KmTypeUnknown, FailureKind.InvalidArgument, type,
            F("'{0}' is not a km_type of this kernel. Known: {1}.", type, known));

        internal static KernelVmException BadCpu(int cpu, int cpus) => new(
            CpuOutOfRange, FailureKind.InvalidArgument, cpu,
            F("CPU {0} does not exist: the machine has NR_CPUS = {1} (CPUs 0 to {2}).", cpu, cpus, cpus - 1));

        internal static KernelVmException StaleTlb(int cpu, ulong vaddr, ulong cachedPfn, ulong? currentPfn) => new(
            StaleTlbAccess, FailureKind.InvalidOperation, vaddr,
            F("CPU {0} reached {1} through a stale TLB entry: it still translates to pfn {2}, but the page tables now {3}. Nothing flushed this CPU's TLB.",
              cpu, Hex(vaddr), Hex(cachedPfn), currentPfn is { } p ? "map pfn " + Hex(p) : "map nothing"));

        internal static KernelVmException Unmapped(int? cpu, ulong vaddr) => new(
            UnmappedKernelAccess, FailureKind.InvalidOperation, vaddr,
            F("BUG: unable to handle kernel paging request at virtual address {0}{1}: nothing maps it.", Hex(vaddr), cpu is { } c ? " (CPU " + c + ")" : ""));

        internal static KernelVmException NoNonblock(string kernel) => new(
            NonblockNotInKernel, FailureKind.InvalidArgument, kernel,
            F("Kernel {0} has no kmap_nonblock(): it was a 2.4 interface.", kernel));

        internal static KernelVmException VirtToFixBug(ulong vaddr, ulong fixaddrStart, ulong fixaddrTop) => new(
            VirtToFixOutOfRange, FailureKind.InvalidArgument, vaddr,
            F("kernel BUG in virt_to_fix(): {0} is not in [FIXADDR_START {1}, FIXADDR_TOP {2}).", Hex(vaddr), Hex(fixaddrStart), Hex(fixaddrTop)));

        internal static KernelVmException FixmapIndexBeyond(int index, int end, string failure) => new(
            FixmapDoesNotExist, FailureKind.InvalidArgument, index,
            F("Fixmap index {0} does not exist: __end_of_fixed_addresses is {1}. In the kernel this does not build: {2}", index, end, failure));

        internal static KernelVmException NoExercise(string what, int attempts) => new(
            ExerciseUnavailable, FailureKind.InvalidOperation, what,
            F("No machine in {0} draws gives an exercise for {1}; try another seed.", attempts, what));


        internal static KernelVmException VirtualTooWide(ulong virt, Architecture arch) => new(
            AddressBeyondArchitecture, FailureKind.InvalidArgument, virt,
            F("{0} is not a virtual address on {1}: i386 virtual addresses have 32 bits.", Hex(virt), arch));

        internal static KernelVmException BadImageSize(ulong size) => new(
            KernelImageSizeInvalid, FailureKind.InvalidArgument, size,
            F("A kernel image of {0} bytes is not usable: it must be a whole number of pages from 16 KiB to 64 MiB.", Hex(size)));

        internal static KernelVmException BadSections(Layout.KernelSections s, ulong imageSize) => new(
            KernelSectionsInvalid, FailureKind.InvalidArgument, s,
            F("Kernel sections _etext {0}, _edata {1}, __init_begin {2}, __init_end {3} (offsets from _text) are not in link order inside a {4}-byte image with a page-aligned init section.",
                Hex(s.Etext), Hex(s.Edata), Hex(s.InitBegin), Hex(s.InitEnd), Hex(imageSize)));

        internal static KernelVmException MachineFileCorruptError(string why) => new(
            MachineFileCorrupt, FailureKind.InvalidData, why,
            F("The machine file cannot be read: {0}. Nothing was loaded.", why));

        internal static KernelVmException MachineFileInvalidError(string field, string why) => new(
            MachineFileInvalid, FailureKind.InvalidData, field,
            F("The machine file's \"{0}\" cannot be restored: {1}. Nothing was loaded.", field, why));

        internal static KernelVmException MachineFileInconsistentError(System.Collections.Generic.IReadOnlyList<string> problems) => new(
            MachineFileInconsistent, FailureKind.InvalidData, problems[0],
            F("The machine file contradicts itself: {0}{1}. Nothing was loaded.", string.Join("; ", System.Linq.Enumerable.Take(problems, 3)),
                problems.Count > 3 ? F(" (and {0} more)", problems.Count - 3) : ""));

        internal static KernelVmException MachineFileVersion(int version, int current) => new(
            MachineFileVersionUnsupported, FailureKind.InvalidData, version,
            F("The machine file has format version {0}; this KernelVm reads versions 1 to {1}. A newer KernelVm wrote it: update the module.", version, current));

        internal static KernelVmException BadImageSize64(ulong size, string why) => new(
            KernelImageSizeInvalid, FailureKind.InvalidArgument, size,
            F("A kernel image of {0} bytes is not usable on x86-64: {1}", Hex(size), why));

        internal static KernelVmException NotCanonical(ulong virt) => new(
            AddressNotCanonical, FailureKind.InvalidArgument, virt,
            F("{0} is not a canonical x86-64 address: with 4-level paging bits 63 to 47 must all equal bit 47 " +
              "(0 to 0x00007FFFFFFFFFFF, or 0xFFFF800000000000 and up). The CPU raises #GP on it before any page walk.", Hex(virt)));

        internal static KernelVmException PhysicalTooWide(ulong phys, Architecture arch, int bits) => new(
            PhysicalBeyondArchitecture, FailureKind.InvalidArgument, phys,
            F("{0} is not a physical address on {1}: it has {2}-bit physical addresses.", Hex(phys), arch, bits));

        internal static KernelVmException SetFixmapBeyond(int index, int end, string what) => new(
            SetFixmapBeyondEnd, FailureKind.InvalidOperation, index,
            F("__set_fixmap({0}): the index is at or past __end_of_fixed_addresses ({1}); {2}", index, end, what));

        internal static KernelVmException KunmapAtomicBad(ulong vaddr) => new(
            KunmapAtomicBadAddress, FailureKind.InvalidOperation, vaddr,
            F("kernel BUG in kunmap_atomic() (DEBUG_HIGHMEM): {0} is neither this CPU's slot for the type nor a lowmem address.", Hex(vaddr)));

        internal static KernelVmException NoKmapLocal(string kernel) => new(
            KmapLocalNotInKernel, FailureKind.InvalidOperation, kernel,
            F("Kernel {0} has no kmap_local_page(): it arrived in 5.11 (New-VmMachine -KernelVersion 6.x has it). In {0}, kmap_atomic() takes a CPU's fixmap slot for a km_type: Invoke-KmapAtomic -Type.", kernel));

        internal static KernelVmException NoKmTypes(string kernel, string type) => new(
            KmTypeNotInKernel, FailureKind.InvalidArgument, type,
            F("Kernel {0} has no km_type, so -Type '{1}' means nothing: kmap_atomic(page) takes no type and pushes a slot on the task's kmap_local stack. Leave out -Type.", kernel, type));

        internal static KernelVmException NeedKmType(string kernel, string known) => new(
            KmTypeRequired, FailureKind.InvalidArgument, kernel,
            F("Kernel {0}'s kmap_atomic(page, type) uses the CPU's slot for a km_type: give -Type ({1}).", kernel, known));

        internal static KernelVmException KmapLocalFull(string task, ulong pfn, int idx, int kmMaxIdx, int incr) => new(
            KmapLocalStackFull, FailureKind.InvalidOperation, pfn,
            F("kernel BUG in kmap_local_idx_push(): task {0} cannot map pfn {1}: kmap_ctrl.idx is {2}, and one more push (+{3}) reaches KM_MAX_IDX ({4}), so a task holds at most {5} kmap_local mappings. kunmap_local() one first.",
              task, Hex(pfn), idx, incr, kmMaxIdx, (kmMaxIdx - 1) / incr));

        internal static KernelVmException KmapLocalBusy(ulong pfn, int cpu, int slot, ulong vaddr, ulong mapped) => new(
            KmapLocalSlotBusy, FailureKind.InvalidOperation, pfn,
            F("kernel BUG in __kmap_local_pfn_prot(): stack slot {0} of CPU {1} ({2}) still maps pfn {3} (BUG_ON(!pte_none())), although no task's kmap_local stack holds it there: something else wrote that fixmap slot.",
              slot, cpu, Hex(vaddr), Hex(mapped)));

        internal static KernelVmException KunmapLocalNothing(string task, ulong vaddr) => new(
            KunmapLocalEmpty, FailureKind.InvalidOperation, vaddr,
            F("kernel BUG in kunmap_local_indexed(): task {0} holds no kmap_local mapping (kmap_ctrl.idx 0), yet {1} is in the kmap_local slots; kmap_local_idx_pop() takes idx below 0. Unmap from the task that mapped it.",
              task, Hex(vaddr)));

        internal static KernelVmException KunmapAtomicWithoutKmap(string task, ulong vaddr) => new(
            KunmapAtomicUnbalanced, FailureKind.InvalidOperation, vaddr,
            F("Task {0} is not inside kmap_atomic() (pagefault_disabled is 0): kunmap_atomic({1}) would take pagefault_disabled and preempt_count below zero. Each kunmap_atomic() undoes one kmap_atomic() of the same task.",
              task, Hex(vaddr)));

        internal static KernelVmException Pinned(string task, int cpu, int home, bool atomic) => new(
            TaskMigrationDisabled, FailureKind.InvalidOperation, cpu,
            atomic
                ? F("Task {0} cannot run on CPU {1}: it is inside kmap_atomic() on CPU {2}, which disabled preemption, so it stays there until kunmap_atomic(). Another task can run on CPU {1}.", task, cpu, home)
                : F("Task {0} cannot run on CPU {1}: it holds kmap_local mappings on CPU {2}, and kmap_local_page() called migrate_disable() for them, so it stays there until it has unmapped them all. Another task can run on CPU {1}.", task, cpu, home));

        internal static KernelVmException NotPreemptible(string task, int cpu, string holder) => new(
            CpuNotPreemptible, FailureKind.InvalidOperation, cpu,
            F("Task {0} cannot run on CPU {1}: task {2} runs there inside kmap_atomic(), which disabled preemption, so nothing switches it out until its kunmap_atomic(). (kmap_local_page() leaves preemption on: its mappings are switched out and back in.)",
              task, cpu, holder));
        internal static KernelVmException BadEventLogCapacity(long capacity, int min, int max) => new(
            EventLogCapacityInvalid, FailureKind.InvalidArgument, capacity,
            F("An event log of {0} events is not usable: it holds from {1} to {2} events (rounded up to a power of two).", capacity, min, max));

        internal static KernelVmException BadMix(object? target, string why) => new(
            WorkloadMixInvalid, FailureKind.InvalidArgument, target,
            F("The workload mix is not usable: {0} Give weights as whole numbers from 0 to {1}, e.g. @{{ Kmap = 3; Kunmap = 2; KmapAtomic = 1; Access = 2 }}.",
              why, Workloads.WorkloadMix.MaxWeight));

        internal static KernelVmException BadWorkloadOption(string option, object? value, string why) => new(
            WorkloadOptionInvalid, FailureKind.InvalidArgument, value,
            F("{0} {1} is not usable: {2}", option, value ?? "$null", why));

        internal static KernelVmException AllTasksBlocked(string tasks) => new(
            WorkloadTasksBlocked, FailureKind.InvalidOperation, tasks,
            F("Every task of the workload ({0}) already sleeps on pkmap_map_wait, so none could run an operation. Wake one with Invoke-Kunmap, give up the waits with Stop-VmTask, or name other tasks.", tasks));

        internal static string Hex(ulong value) => "0x" + value.ToString(value > uint.MaxValue ? "X" : "X8", CultureInfo.InvariantCulture);

        private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
