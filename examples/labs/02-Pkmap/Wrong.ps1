# Lab 2, two typical wrong answers: the first kmap() takes slot 0 (off by one: map_new_virtual()
# increments last_pkmap_nr before it tests a slot), and a slot at count 1 counts as free (it is
# Stale: its PTE and TLB entries remain until flush_all_zero_pkmaps()).

function Get-PkmapSlotAddress {
    param([Parameter(Mandatory)] [int] $Slot, [uint64] $PkmapBase = [uint64]'0xFF800000')
    $PkmapBase + ([uint64]$Slot -shl 12)
}

function Get-NextSlot {
    param([Parameter(Mandatory)] [ValidateRange(1, 1024)] [int] $Kmaps)
    $Kmaps - 1
}

function Invoke-FillPkmap {
    param([Parameter(Mandatory)] $Machine, [Parameter(Mandatory)] [uint64] $FirstPfn)
    $FirstPfn..($FirstPfn + 1023) | Invoke-Kmap -Machine $Machine
}

function Get-ReusableSlot {
    param([Parameter(Mandatory)] $Machine)
    Get-PkmapCount -Machine $Machine | Where-Object PkmapCount -le 1 | ForEach-Object Slot
}

function Invoke-BlockAndWake {
    param(
        [Parameter(Mandatory)] $Machine,
        [Parameter(Mandatory)] [uint64] $Pfn,
        [Parameter(Mandatory)] [string] $Task,
        [Parameter(Mandatory)] [uint64] $Release
    )
    $sleeping = Invoke-Kmap $Pfn -Task $Task -Machine $Machine -WarningAction SilentlyContinue
    if ($sleeping.Status -ne 'Blocked') { throw "kmap() of pfn $Pfn did not block: a slot was free." }
    (Invoke-Kunmap $Release -Machine $Machine).Woken | Where-Object Task -eq $Task
}
