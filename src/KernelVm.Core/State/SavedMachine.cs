using System.Collections.Generic;
using System.Runtime.Serialization;

namespace KernelVm.State
{
    // The machine file, format version 1 (docs/machine-file.md). Addresses, pfns and PTE values are
    // hex strings ("0xc0000000"), so a reader never meets a 64-bit number a JSON tool would round.

    [DataContract]
    internal sealed class SavedMachine
    {
        [DataMember(Name = "format", Order = 1, IsRequired = true)] public string? Format { get; set; }
        [DataMember(Name = "version", Order = 2, IsRequired = true)] public int Version { get; set; }
        [DataMember(Name = "config", Order = 3, IsRequired = true)] public SavedConfig? Config { get; set; }
        [DataMember(Name = "state", Order = 4, IsRequired = true)] public SavedState? State { get; set; }
    }

    /// <summary>What every version keeps: read first, so that a newer file is told by its version, whatever else changed.</summary>
    [DataContract]
    internal sealed class SavedHeader
    {
        [DataMember(Name = "format", Order = 1)] public string? Format { get; set; }
        [DataMember(Name = "version", Order = 2)] public int Version { get; set; }
    }

    [DataContract]
    internal sealed class SavedConfig
    {
        [DataMember(Name = "name", Order = 1, IsRequired = true)] public string? Name { get; set; }
        [DataMember(Name = "architecture", Order = 2, IsRequired = true)] public string? Architecture { get; set; }
        [DataMember(Name = "vmSplit", Order = 3, IsRequired = true)] public string? VmSplit { get; set; }
        [DataMember(Name = "memorySize", Order = 4, IsRequired = true)] public string? MemorySize { get; set; }
        [DataMember(Name = "kernelVersion", Order = 5, IsRequired = true)] public string? KernelVersion { get; set; }
        [DataMember(Name = "highMem", Order = 6)] public string? HighMem { get; set; }
        [DataMember(Name = "nrCpus", Order = 7, IsRequired = true)] public int NrCpus { get; set; }
        [DataMember(Name = "kernelOptions", Order = 8)] public List<string>? KernelOptions { get; set; }
        [DataMember(Name = "cpuFeatures", Order = 9, IsRequired = true)] public string? CpuFeatures { get; set; }
        [DataMember(Name = "boot", Order = 10)] public SavedBoot? Boot { get; set; }
        [DataMember(Name = "nodes", Order = 11)] public List<SavedRange>? Nodes { get; set; }
        [DataMember(Name = "kernelImageSize", Order = 12, IsRequired = true)] public string? KernelImageSize { get; set; }
        [DataMember(Name = "kernelSections", Order = 13)] public SavedSections? KernelSections { get; set; }
        [DataMember(Name = "eventLogCapacity", Order = 14)] public int EventLogCapacity { get; set; }
        [DataMember(Name = "e820", Order = 15)] public List<SavedE820Entry>? E820 { get; set; }
        [DataMember(Name = "structPageSize", Order = 16)] public int StructPageSize { get; set; }
    }

    [DataContract]
    internal sealed class SavedE820Entry
    {
        [DataMember(Name = "start", Order = 1, IsRequired = true)] public string? Start { get; set; }
        [DataMember(Name = "size", Order = 2, IsRequired = true)] public string? Size { get; set; }
        [DataMember(Name = "type", Order = 3, IsRequired = true)] public string? Type { get; set; }
    }

    [DataContract]
    internal sealed class SavedBoot
    {
        [DataMember(Name = "vmalloc", Order = 1)] public string? Vmalloc { get; set; }
        [DataMember(Name = "highmem", Order = 2)] public string? HighMem { get; set; }
        [DataMember(Name = "reservetop", Order = 3)] public string? ReserveTop { get; set; }
        [DataMember(Name = "reservetopBeforeVmalloc", Order = 4)] public bool ReserveTopBeforeVmalloc { get; set; }
        [DataMember(Name = "mem", Order = 5)] public string? Mem { get; set; }
        [DataMember(Name = "kernelcore", Order = 6)] public string? KernelCore { get; set; }
        [DataMember(Name = "movablecore", Order = 7)] public string? MovableCore { get; set; }
    }

    [DataContract]
    internal sealed class SavedRange
    {
        [DataMember(Name = "start", Order = 1, IsRequired = true)] public string? Start { get; set; }
        [DataMember(Name = "end", Order = 2, IsRequired = true)] public string? End { get; set; }
    }

    [DataContract]
    internal sealed class SavedSections
    {
        [DataMember(Name = "etext", Order = 1, IsRequired = true)] public string? Etext { get; set; }
        [DataMember(Name = "edata", Order = 2, IsRequired = true)] public string? Edata { get; set; }
        [DataMember(Name = "initBegin", Order = 3, IsRequired = true)] public string? InitBegin { get; set; }
        [DataMember(Name = "initEnd", Order = 4, IsRequired = true)] public string? InitEnd { get; set; }
    }

    [DataContract]
    internal sealed class SavedState
    {
        [DataMember(Name = "lastPkmapNr", Order = 1)] public int LastPkmapNr { get; set; }
        [DataMember(Name = "pkmapCount", Order = 2)] public List<int>? PkmapCount { get; set; }
        [DataMember(Name = "pkmapWaiters", Order = 3)] public List<string>? PkmapWaiters { get; set; }
        [DataMember(Name = "pageAddress", Order = 4)] public List<SavedPageAddress>? PageAddress { get; set; }
        [DataMember(Name = "pageAddressPool", Order = 5)] public List<int>? PageAddressPool { get; set; }
        [DataMember(Name = "pageTableEntries", Order = 6)] public List<SavedTableEntry>? PageTableEntries { get; set; }
        [DataMember(Name = "fixmapsSet", Order = 7)] public int FixmapsSet { get; set; }
        [DataMember(Name = "tlb", Order = 8)] public List<SavedTlbEntry>? Tlb { get; set; }
        [DataMember(Name = "tasks", Order = 9)] public List<SavedTask>? Tasks { get; set; }
        [DataMember(Name = "events", Order = 10)] public SavedEvents? Events { get; set; }
        [DataMember(Name = "currentTasks", Order = 11)] public List<string?>? CurrentTasks { get; set; }
        [DataMember(Name = "kmapLocalWarned", Order = 12)] public List<string>? KmapLocalWarned { get; set; }
        [DataMember(Name = "pkmapFlushes", Order = 13)] public long PkmapFlushes { get; set; }
        [DataMember(Name = "tlbFullFlushes", Order = 14)] public long TlbFullFlushes { get; set; }
    }

    /// <summary>One page_address() mapping: a page_address_map entry in its bucket's chain order (2.6.24, 6.x) or page->virtual (2.4.22, entry and bucket -1).</summary>
    [DataContract]
    internal sealed class SavedPageAddress
    {
        [DataMember(Name = "bucket", Order = 1)] public int Bucket { get; set; }
        [DataMember(Name = "entry", Order = 2)] public int Entry { get; set; }
        [DataMember(Name = "pfn", Order = 3, IsRequired = true)] public string? Pfn { get; set; }
        [DataMember(Name = "virtual", Order = 4, IsRequired = true)] public string? Virtual { get; set; }
    }

    [DataContract]
    internal sealed class SavedTableEntry
    {
        [DataMember(Name = "table", Order = 1, IsRequired = true)] public string? Table { get; set; }
        [DataMember(Name = "index", Order = 2, IsRequired = true)] public int Index { get; set; }
        [DataMember(Name = "value", Order = 3, IsRequired = true)] public string? Value { get; set; }
    }

    [DataContract]
    internal sealed class SavedTlbEntry
    {
        [DataMember(Name = "cpu", Order = 1, IsRequired = true)] public int Cpu { get; set; }
        [DataMember(Name = "virtualPage", Order = 2, IsRequired = true)] public string? VirtualPage { get; set; }
        [DataMember(Name = "pfn", Order = 3, IsRequired = true)] public string? Pfn { get; set; }
        [DataMember(Name = "global", Order = 4)] public bool Global { get; set; }
    }

    [DataContract]
    internal sealed class SavedTask
    {
        [DataMember(Name = "name", Order = 1, IsRequired = true)] public string? Name { get; set; }
        [DataMember(Name = "cpu", Order = 2, IsRequired = true)] public int Cpu { get; set; }
        [DataMember(Name = "state", Order = 3, IsRequired = true)] public string? State { get; set; }
        [DataMember(Name = "waitingForPfn", Order = 4)] public string? WaitingForPfn { get; set; }
        [DataMember(Name = "wakeups", Order = 5)] public int Wakeups { get; set; }
        [DataMember(Name = "lastKmap", Order = 6)] public SavedKmap? LastKmap { get; set; }
        [DataMember(Name = "kmapCtrlIdx", Order = 7)] public int KmapCtrlIdx { get; set; }
        [DataMember(Name = "kmapCtrlPteval", Order = 8)] public List<string>? KmapCtrlPteval { get; set; }
        [DataMember(Name = "pagefaultDisabled", Order = 9)] public int PagefaultDisabled { get; set; }
    }

    [DataContract]
    internal sealed class SavedKmap
    {
        [DataMember(Name = "pfn", Order = 1, IsRequired = true)] public string? Pfn { get; set; }
        [DataMember(Name = "status", Order = 2, IsRequired = true)] public string? Status { get; set; }
        [DataMember(Name = "virtual", Order = 3, IsRequired = true)] public string? Virtual { get; set; }
        [DataMember(Name = "slot", Order = 4)] public int Slot { get; set; }
        [DataMember(Name = "count", Order = 5)] public int Count { get; set; }
        [DataMember(Name = "wrapped", Order = 6)] public bool Wrapped { get; set; }
        [DataMember(Name = "flushed", Order = 7)] public bool Flushed { get; set; }
    }

    [DataContract]
    internal sealed class SavedEvents
    {
        [DataMember(Name = "nextSequence", Order = 1, IsRequired = true)] public long NextSequence { get; set; }
        [DataMember(Name = "items", Order = 2)] public List<SavedEvent>? Items { get; set; }
    }

    [DataContract]
    internal sealed class SavedEvent
    {
        [DataMember(Name = "sequence", Order = 1, IsRequired = true)] public long Sequence { get; set; }
        [DataMember(Name = "kind", Order = 2, IsRequired = true)] public string? Kind { get; set; }
        [DataMember(Name = "task", Order = 3, EmitDefaultValue = false)] public string? Task { get; set; }
        [DataMember(Name = "cpu", Order = 4)] public int Cpu { get; set; }
        [DataMember(Name = "slot", Order = 5)] public int Slot { get; set; }
        [DataMember(Name = "pfn", Order = 6)] public long Pfn { get; set; }
        [DataMember(Name = "address", Order = 7)] public string? Address { get; set; }
        [DataMember(Name = "bucket", Order = 8)] public int Bucket { get; set; }
        [DataMember(Name = "count", Order = 9)] public int Count { get; set; }
        [DataMember(Name = "detail", Order = 10, EmitDefaultValue = false)] public string? Detail { get; set; }
    }
}
