# Lab 1, reference solution.

function Get-PageOffset {
    param([Parameter(Mandatory)] [string] $VmSplit)
    # arch/x86/Kconfig: the VMSPLIT choice sets CONFIG_PAGE_OFFSET.
    $offsets = @{
        '3G'     = [uint64]'0xC0000000'
        '3G_OPT' = [uint64]'0xB0000000'
        '2G'     = [uint64]'0x80000000'
        '2G_OPT' = [uint64]'0x78000000'
        '1G'     = [uint64]'0x40000000'
    }
    $offsets[$VmSplit]
}

function Get-MaxMem {
    param([Parameter(Mandatory)] [string] $VmSplit)
    # include/asm-x86/page_32.h: MAXMEM = -__PAGE_OFFSET - __VMALLOC_RESERVE, in 32 bits.
    4GB - (Get-PageOffset $VmSplit) - 128MB
}

function Get-HighMemory {
    param([Parameter(Mandatory)] [string] $VmSplit, [Parameter(Mandatory)] [uint64] $MemorySize)
    # find_max_low_pfn caps lowmem at MAXMEM; high_memory = __va(max_low_pfn << PAGE_SHIFT).
    $lowmem = [Math]::Min($MemorySize, [uint64](Get-MaxMem $VmSplit))
    (Get-PageOffset $VmSplit) + $lowmem
}

function ConvertTo-Pa {
    param([Parameter(Mandatory)] [uint64] $VirtualAddress, [Parameter(Mandatory)] [string] $VmSplit)
    $VirtualAddress - (Get-PageOffset $VmSplit)
}

function ConvertTo-Va {
    param([Parameter(Mandatory)] [uint64] $PhysicalAddress, [Parameter(Mandatory)] [string] $VmSplit)
    $PhysicalAddress + (Get-PageOffset $VmSplit)
}
