# Lab 2: persistent kmaps to exhaustion. Fill in each function, then run: Invoke-Pester ./Lab.Tests.ps1
# The machine is a 2 GiB 2.6.24 non-PAE one: LAST_PKMAP is 1024, PKMAP_BASE 0xFF800000, highmem from pfn 0x38000.

# PKMAP_ADDR(nr): the virtual address of pkmap slot $Slot.
function Get-PkmapSlotAddress {
    param([Parameter(Mandatory)] [int] $Slot, [uint64] $PkmapBase = [uint64]'0xFF800000')
    throw 'not implemented'
}

# On a freshly booted machine, the slot that map_new_virtual() gives the $Kmaps-th new page (1 = the first).
function Get-NextSlot {
    param([Parameter(Mandatory)] [ValidateRange(1, 1024)] [int] $Kmaps)
    throw 'not implemented'
}

# kmap() as many distinct highmem pages as there are pkmap slots, from pfn $FirstPfn up, on $Machine.
# Return the kmap results.
function Invoke-FillPkmap {
    param([Parameter(Mandatory)] $Machine, [Parameter(Mandatory)] [uint64] $FirstPfn)
    throw 'not implemented'
}

# The slots a new kmap() may take right now without any flush, read from Get-PkmapCount.
function Get-ReusableSlot {
    param([Parameter(Mandatory)] $Machine)
    throw 'not implemented'
}

# With every slot in use: kmap() pfn $Pfn as task $Task (it must sleep on pkmap_map_wait), then
# kunmap() pfn $Release to wake it. Return the kmap() that completed for $Task.
function Invoke-BlockAndWake {
    param(
        [Parameter(Mandatory)] $Machine,
        [Parameter(Mandatory)] [uint64] $Pfn,
        [Parameter(Mandatory)] [string] $Task,
        [Parameter(Mandatory)] [uint64] $Release
    )
    throw 'not implemented'
}
