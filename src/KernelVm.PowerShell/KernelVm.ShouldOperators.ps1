# Should operators for kernel facts, dot-sourced by KernelVm.ShouldOperators.psm1 when Pester is
# loaded, and registered with its Add-ShouldOperator.
#
# Each operator reads the live machine through the cmdlets (no kernel logic here) and, when it
# fails, says what was expected, what the kernel did, and why.

# The value as an Address, read as every KernelVm parameter reads it (0xC0000000 is the address
# it spells); $null when it does not read.
function ConvertTo-VmShouldAddress($Value) {
    if ($null -eq $Value) { return $null }
    try { [KernelVm.PowerShell.Address]$Value } catch { $null }
}

# The machine named by a record's Machine property, or the session's default.
function Get-VmShouldMachine($Value) {
    $name = if ($Value -is [psobject] -and $Value.psobject.Properties['Machine']) { $Value.Machine }
    if ($name) { @{ Machine = $name } } else { @{} }
}

# A pfn from a number, or from a record's Pfn property (pages, kmap results).
function Get-VmShouldPfn($Value) {
    if ($Value -is [psobject] -and $Value.psobject.Properties['Pfn']) { return ConvertTo-VmShouldAddress $Value.Pfn }
    ConvertTo-VmShouldAddress $Value
}

function New-VmShouldResult([bool] $Succeeded, [bool] $Negate, [string] $Because, [string] $Failure, [string] $NegatedFailure) {
    if ($Negate) { $Succeeded = -not $Succeeded }
    $reason = if ($Because) { " because $($Because -replace '^because\s+')," } else { '' }
    [pscustomobject]@{
        Succeeded      = $Succeeded
        FailureMessage = if ($Succeeded) { $null } elseif ($Negate) { "Expected$reason $NegatedFailure" } else { "Expected$reason $Failure" }
    }
}

function Should-BeAddress($ActualValue, $ExpectedValue, [switch] $Negate, [string] $Because) {
    <#
    .SYNOPSIS
    The value is this address, pfn or size, with hex literals read as typed (0xC0000000 is 3 GiB).
    #>
    $expected = ConvertTo-VmShouldAddress $ExpectedValue
    $actual = ConvertTo-VmShouldAddress $ActualValue
    $why = ''
    if ($null -ne $actual -and $null -ne $expected -and $actual -ne $expected) {
        # Address arithmetic wraps as the kernel's unsigned long does.
        $difference = $actual - $expected
        if ($difference -eq '0x100000000' -or $difference -eq '0xFFFFFFFF00000000') {
            $why = ' They differ by exactly 2^32: a literal such as 0xC0000000 is the Int32 -1073741824 in PowerShell, and arithmetic with a 64-bit number sign-extends it. Subtract a KernelVm Address or [uint32]0xC0000000 instead.'
        }
    }
    $shown = if ($null -eq $actual) { "'$ActualValue', which is not an address" } else { "$actual" }
    New-VmShouldResult ($null -ne $actual -and $actual -eq $expected) $Negate $Because `
        "address $expected, but got $shown.$why" `
        "an address other than $expected, but got it."
}

function Should-HavePkmapCount($ActualValue, $ExpectedValue, [switch] $Negate, [string] $Because) {
    <#
    .SYNOPSIS
    The pkmap slot (a slot number, or a record with a Slot: Invoke-Kmap's or Get-PkmapCount's) has this pkmap_count now.
    #>
    $slot = if ($ActualValue -is [psobject] -and $ActualValue.psobject.Properties['Slot']) { $ActualValue.Slot } else { $ActualValue }
    if ($null -eq $slot) {
        return New-VmShouldResult $false $Negate $Because "a pkmap slot, but got no slot: a lowmem page has a permanent address and no pkmap slot." 'no slot.'
    }
    $machine = Get-VmShouldMachine $ActualValue
    $info = Get-PkmapCount -Slot $slot @machine -ErrorAction Stop
    $meaning = switch ($info.State) {
        'Free' { 'free: unmapped since the last flush_all_zero_pkmaps(), usable by map_new_virtual()' }
        'Stale' { 'mapped but unused: kunmap() dropped the last user and does not flush, so its PTE stays and a TLB may hold the old translation until flush_all_zero_pkmaps() runs on the next wrap' }
        default { "in use by $($info.Users) user(s) (count = users + 1 for the mapping itself)" }
    }
    New-VmShouldResult ($info.PkmapCount -eq [int]$ExpectedValue) $Negate $Because `
        "pkmap_count[$slot] to be $ExpectedValue, but it is $($info.PkmapCount): the slot is $meaning." `
        "pkmap_count[$slot] not to be $ExpectedValue, but it is: the slot is $meaning."
}

function Should-BeMappedAt($ActualValue, $ExpectedValue, [switch] $Negate, [string] $Because) {
    <#
    .SYNOPSIS
    page_address() of the page (a pfn, or a record with a Pfn) is this kernel virtual address.
    #>
    $pfn = Get-VmShouldPfn $ActualValue
    if ($null -eq $pfn) {
        return New-VmShouldResult $false $Negate $Because "a page frame number, but got '$ActualValue'." "a page frame number, but got '$ActualValue'."
    }
    $expected = ConvertTo-VmShouldAddress $ExpectedValue
    $machine = Get-VmShouldMachine $ActualValue
    $info = Get-PageAddress -Pfn $pfn @machine -ErrorAction Stop
    $did = if ($null -eq $info.VirtualAddress) {
        "page_address() returns NULL: the page is in high memory and has no kmap; kmap() gives it a pkmap slot"
    }
    elseif ($info.HighMem) {
        "page_address() returns $($info.VirtualAddress), pkmap slot $($info.Slot) (PKMAP_BASE + slot * PAGE_SIZE), found in bucket $($info.Bucket) of page_address_htable"
    }
    else {
        "the page is lowmem, so page_address() is __va(pfn << PAGE_SHIFT) = $($info.VirtualAddress)"
    }
    New-VmShouldResult ($null -ne $info.VirtualAddress -and $info.VirtualAddress -eq $expected) $Negate $Because `
        "pfn $pfn to be mapped at $expected, but $did." `
        "pfn $pfn not to be mapped at $expected, but $did."
}

function Should-BeInZone($ActualValue, $ExpectedValue, [switch] $Negate, [string] $Because) {
    <#
    .SYNOPSIS
    The page (a pfn, or a record with a Pfn) belongs to this zone: DMA, DMA32, Normal, HighMem or Movable.
    #>
    $pfn = Get-VmShouldPfn $ActualValue
    if ($null -eq $pfn) {
        return New-VmShouldResult $false $Negate $Because "a page frame number, but got '$ActualValue'." "a page frame number, but got '$ActualValue'."
    }
    $machine = Get-VmShouldMachine $ActualValue
    $page = Get-VmPage -Pfn $pfn @machine -ErrorAction Stop
    $spans = (Get-VmZone @machine | Where-Object SpannedPages | ForEach-Object { "$($_.Name) $($_.StartPfn)-$($_.EndPfn)" }) -join ', '
    New-VmShouldResult ($page.Zone -eq $ExpectedValue) $Negate $Because `
        "pfn $pfn to be in zone $ExpectedValue, but it is in $($page.Zone). The zones span pfns $spans (end exclusive); the kernel sets their limits from MAX_DMA_ADDRESS and max_low_pfn." `
        "pfn $pfn not to be in zone $ExpectedValue, but it is. The zones span pfns $spans (end exclusive)."
}

function Should-BeFixmap($ActualValue, $ExpectedValue, [switch] $Negate, [string] $Because) {
    <#
    .SYNOPSIS
    The virtual address (or a record's VirtualAddress) is in the page of this fixmap: a name such as FIX_APIC_BASE, or an index.
    #>
    $address = ConvertTo-VmShouldAddress $(if ($ActualValue -is [psobject] -and $ActualValue.psobject.Properties['VirtualAddress']) { $ActualValue.VirtualAddress } else { $ActualValue })
    if ($null -eq $address) {
        return New-VmShouldResult $false $Negate $Because "a virtual address, but got '$ActualValue'." "a virtual address, but got '$ActualValue'."
    }
    $machine = Get-VmShouldMachine $ActualValue
    $found = Get-Fixmap -VirtualAddress $address @machine -ErrorAction SilentlyContinue -ErrorVariable problem
    $wanted = if ("$ExpectedValue" -match '^\d+$') { Get-Fixmap -Index $ExpectedValue @machine -ErrorAction SilentlyContinue } else { Get-Fixmap -Name $ExpectedValue @machine -ErrorAction SilentlyContinue }
    $where = if ($wanted) { " ($($wanted.Name) is fix_to_virt($($wanted.Index)) = $($wanted.VirtualAddress))" } else { " ($ExpectedValue is not in this machine's fixmap enum)" }
    $did = if ($found) { "it is fix_to_virt($($found.Index)) = $($found.Name)$where" } else { "it is not a fixmap address: $($problem[0].Exception.Message)" }
    New-VmShouldResult ([bool]$found -and [bool]$wanted -and $found.Index -eq $wanted.Index) $Negate $Because `
        "$address to be the fixmap $ExpectedValue, but $did." `
        "$address not to be the fixmap $ExpectedValue, but it is."
}

foreach ($name in 'BeAddress', 'HavePkmapCount', 'BeMappedAt', 'BeInZone', 'BeFixmap') {
    Add-ShouldOperator -Name $name -InternalName "Should-$name" -Test (Get-Item "function:Should-$name").ScriptBlock
}
