# Pester 5: a lab on persistent kernel maps (mm/highmem.c, kernel-model.md §3).
# A student's answers can be checked the same way: run their script, then assert on pkmap_count.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
}

Describe 'kmap() on a fresh machine (W13)' {
    BeforeAll {
        $m = New-VmMachine -Name lab-kmap -MemorySize 2GB
        $maps = 0x40000, 0x40001, 0x40002 | Invoke-Kmap -Machine $m
    }

    It 'does not use slot 0 first' {
        $maps.Slot | Should -Be @(1, 2, 3)
    }

    It 'leaves each count at 2 (one user)' {
        $maps.Count | Should -Be @(2, 2, 2)
    }

    It 'maps slot 1 at PKMAP_BASE + 4 KiB' {
        [uint64]$maps[0].VirtualAddress | Should -Be ([uint64]'0xFF801000')
    }
}

Describe 'kunmap() down to count 1 (W14)' {
    BeforeAll {
        $m = New-VmMachine -Name lab-kunmap -MemorySize 2GB
        $null = Invoke-Kmap 0x40000 -Machine $m
        $null = Invoke-Kunmap 0x40000 -Machine $m
    }

    It 'keeps the slot Stale, not Free' {
        (Get-PkmapCount -Slot 1 -Machine $m).State | Should -Be 'Stale'
    }

    It 'keeps page_address()' {
        [uint64](Get-PageAddress 0x40000 -Machine $m).VirtualAddress | Should -Be ([uint64]'0xFF801000')
    }

    It 'refuses a kunmap that would drop the count to 0' {
        { Invoke-Kunmap 0x40000 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'PkmapCountZero*'
    }
}

Describe 'kmap_atomic()' {
    It 'BUGs when the slot is busy' {
        $m = New-VmMachine -Name lab-atomic -MemorySize 2GB
        $null = Invoke-KmapAtomic 0x40005 KM_USER0 -Machine $m
        { Invoke-KmapAtomic 0x40006 KM_USER0 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'KmapAtomicSlotBusy*'
    }
}
