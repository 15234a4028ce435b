# Lab 1: the address split and __pa/__va. Fill in each function, then run: Invoke-Pester ./Lab.Tests.ps1
# Return addresses as [uint64]: PowerShell reads the literal 0xC0000000 as the Int32 -1073741824.

# CONFIG_PAGE_OFFSET for a CONFIG_VMSPLIT_* choice: '3G', '3G_OPT', '2G', '2G_OPT' or '1G'.
function Get-PageOffset {
    param([Parameter(Mandatory)] [string] $VmSplit)
    throw 'not implemented'
}

# MAXMEM, the most RAM the direct map can hold, with the default 128 MiB __VMALLOC_RESERVE.
function Get-MaxMem {
    param([Parameter(Mandatory)] [string] $VmSplit)
    throw 'not implemented'
}

# high_memory, the first virtual address past the direct map, for a machine with this much RAM.
function Get-HighMemory {
    param([Parameter(Mandatory)] [string] $VmSplit, [Parameter(Mandatory)] [uint64] $MemorySize)
    throw 'not implemented'
}

# __pa(): the physical address of a direct-mapped kernel virtual address.
function ConvertTo-Pa {
    param([Parameter(Mandatory)] [uint64] $VirtualAddress, [Parameter(Mandatory)] [string] $VmSplit)
    throw 'not implemented'
}

# __va(): the kernel virtual address of a lowmem physical address.
function ConvertTo-Va {
    param([Parameter(Mandatory)] [uint64] $PhysicalAddress, [Parameter(Mandatory)] [string] $VmSplit)
    throw 'not implemented'
}
