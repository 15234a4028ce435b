# Lab 2, reference solution.

function Get-PkmapSlotAddress {
    param([Parameter(Mandatory)] [int] $Slot, [uint64] $PkmapBase = [uint64]'0xFF800000')
    # include/asm-x86/highmem.h: PKMAP_ADDR(nr) = PKMAP_BASE + (nr << PAGE_SHIFT).
    $PkmapBase + ([uint64]$Slot -shl 12)
}

function Get-NextSlot {
    param([Parameter(Mandatory)] [ValidateRange(1, 1024)] [int] $Kmaps)
    # map_new_virtual() increments last_pkmap_nr (0 at boot) before testing a slot, masked with
    # LAST_PKMAP_MASK: slots 1 .. 1023, then slot 0 after the wrap.
    $Kmaps % 1024
}

function Invoke-FillPkmap {
    param([Parameter(Mandatory)] $Machine, [Parameter(Mandatory)] [uint64] $FirstPfn)
    $FirstPfn..($FirstPfn + 1023) | Invoke-Kmap -Machine $Machine
}

function Get-ReusableSlot {
    param([Parameter(Mandatory)] $Machine)
    # Only count 0 is free: at 1 the PTE and the TLB entries may remain until flush_all_zero_pkmaps().
    Get-PkmapCount -Machine $Machine | Where-Object PkmapCount -eq 0 | ForEach-Object Slot
}

function Invoke-BlockAndWake {
    param(
        [Parameter(Mandatory)] $Machine,
        [Parameter(Mandatory)] [uint64] $Pfn,
        [Parameter(Mandatory)] [string] $Task,
        [Parameter(Mandatory)] [uint64] $Release
    )
    # The warning says the task sleeps; the result's Status says so too.
    $sleeping = Invoke-Kmap $Pfn -Task $Task -Machine $Machine -WarningAction SilentlyContinue
    if ($sleeping.Status -ne 'Blocked') { throw "kmap() of pfn $Pfn did not block: a slot was free." }
    (Invoke-Kunmap $Release -Machine $Machine).Woken | Where-Object Task -eq $Task
}
