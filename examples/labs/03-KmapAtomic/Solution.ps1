# Lab 3, reference solution.

function Get-FixToVirt {
    param([Parameter(Mandatory)] [int] $Index, [uint64] $FixaddrTop = [uint64]'0xFFFFF000')
    # include/asm-x86/fixmap_32.h: __fix_to_virt(x) = FIXADDR_TOP - (x << PAGE_SHIFT).
    $FixaddrTop - ([uint64]$Index -shl 12)
}

function Get-VirtToFix {
    param([Parameter(Mandatory)] [uint64] $VirtualAddress, [uint64] $FixaddrTop = [uint64]'0xFFFFF000')
    # __virt_to_fix(x) = (FIXADDR_TOP - (x & PAGE_MASK)) >> PAGE_SHIFT.
    ($FixaddrTop - ($VirtualAddress -band [uint64]'0xFFFFF000')) -shr 12
}

function Get-KmapAtomicIndex {
    param(
        [Parameter(Mandatory)] [int] $FixKmapBegin,
        [Parameter(Mandatory)] [int] $KmType,
        [Parameter(Mandatory)] [int] $Cpu,
        [Parameter(Mandatory)] [int] $KmTypeNr
    )
    # arch/x86/mm/highmem_32.c: idx = type + KM_TYPE_NR * smp_processor_id(), a block of slots per CPU.
    $FixKmapBegin + $KmType + $KmTypeNr * $Cpu
}

function Get-KmapAtomicAddress {
    param([Parameter(Mandatory)] $Machine, [Parameter(Mandatory)] [int] $KmType, [Parameter(Mandatory)] [int] $Cpu)
    $begin = (Get-Fixmap -Name FIX_KMAP_BEGIN -Machine $Machine).Index
    Get-FixToVirt (Get-KmapAtomicIndex -FixKmapBegin $begin -KmType $KmType -Cpu $Cpu -KmTypeNr $Machine.KmTypeNr)
}
