# Lab 3: kmap_atomic and fixmaps on two configurations. Fill in each function, then run:
# Invoke-Pester ./Lab.Tests.ps1
# The machines are 2.6.24 non-PAE: R1 (uniprocessor) and R2 (SMP, 8 CPUs, APIC, IO-APIC, ACPI).

# __fix_to_virt(idx): the virtual address of fixmap index $Index.
function Get-FixToVirt {
    param([Parameter(Mandatory)] [int] $Index, [uint64] $FixaddrTop = [uint64]'0xFFFFF000')
    throw 'not implemented'
}

# __virt_to_fix(vaddr): the fixmap index of the page that holds $VirtualAddress.
function Get-VirtToFix {
    param([Parameter(Mandatory)] [uint64] $VirtualAddress, [uint64] $FixaddrTop = [uint64]'0xFFFFF000')
    throw 'not implemented'
}

# The fixmap index kmap_atomic() uses for km_type $KmType (a number: KM_USER0 is 3) on CPU $Cpu.
function Get-KmapAtomicIndex {
    param(
        [Parameter(Mandatory)] [int] $FixKmapBegin,
        [Parameter(Mandatory)] [int] $KmType,
        [Parameter(Mandatory)] [int] $Cpu,
        [Parameter(Mandatory)] [int] $KmTypeNr
    )
    throw 'not implemented'
}

# The address kmap_atomic() returns for a highmem page, km_type $KmType, on CPU $Cpu of $Machine.
# Read FIX_KMAP_BEGIN with Get-Fixmap and KM_TYPE_NR from $Machine.KmTypeNr.
function Get-KmapAtomicAddress {
    param([Parameter(Mandatory)] $Machine, [Parameter(Mandatory)] [int] $KmType, [Parameter(Mandatory)] [int] $Cpu)
    throw 'not implemented'
}
