# Pester 5: a lab on persistent kernel maps (mm/highmem.c, kernel-model.md §3).
# A student's answers can be checked the same way: run their script, then assert on pkmap_count.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    # An error nobody expected fails the test; tests that expect errors say so with -ErrorAction.
    $ErrorActionPreference = 'Stop'
}

Describe 'kmap() on a fresh machine (W13)' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
        $maps = 0x40000, 0x40001, 0x40002 | Invoke-Kmap -Machine $m
    }

    It 'does not use slot 0 first' {
        $maps.Slot | Should -Be @(1, 2, 3)
    }

    It 'leaves each count at 2 (one user)' {
        # pkmap_count, not Count: $maps.Count is the number of records.
        $maps.PkmapCount | Should -Be @(2, 2, 2)
    }

    It 'maps slot 1 at PKMAP_BASE + 4 KiB' {
        [uint64]$maps[0].VirtualAddress | Should -Be ([uint64]'0xFF801000')
    }

    It 'maps slots 1, 2, 3 at PKMAP_BASE + 4, 8, 12 KiB' {
        $maps.ForEach({ [uint64]$_.VirtualAddress }) | Should -Be @([uint64]'0xFF801000', [uint64]'0xFF802000', [uint64]'0xFF803000')
    }

    It 'leaves last_pkmap_nr at 3 and three slots in use' {
        $m.Pkmap.LastPkmapNr | Should -Be 3
        Get-PkmapCount -InUse -Machine $m | Should -HaveCount 3
    }
}

Describe 'kunmap() down to count 1 (W14)' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
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

    It 'W14: the count goes 2, 3, 2, 1, the mapping stays, a new kmap reuses it, and kunmap never drops it to 0' {
        $w14 = New-VmMachine -MemorySize 2GB
        $counts = @(
            kmap 0x40000 -Machine $w14
            kmap 0x40000 -Machine $w14
            kunmap 0x40000 -Machine $w14
            kunmap 0x40000 -Machine $w14
        ).PkmapCount
        $counts | Should -Be @(2, 3, 2, 1)

        $slot = Get-PkmapCount -Slot 1 -Machine $w14
        $slot.State | Should -BeExactly 'Stale'
        [uint64]$slot.Pfn | Should -Be ([uint64]'0x40000')
        [uint64](Get-PageAddress 0x40000 -Machine $w14).VirtualAddress | Should -Be ([uint64]'0xFF801000')
        (Resolve-VmAddress 0xFF801000 -Machine $w14).Mapped | Should -Be $true

        $reuse = kmap 0x40000 -Machine $w14
        $reuse | Should -HaveCount 1
        $reuse.Status | Should -BeExactly 'Reused'
        $reuse.Slot | Should -Be 1
        $reuse.PkmapCount | Should -Be 2

        $null = kunmap 0x40000 -Machine $w14
        $e = { kunmap 0x40000 -Machine $w14 -ErrorAction Stop } |
            Should -Throw -ErrorId 'PkmapCountZero,KernelVm.PowerShell.Commands.InvokeKunmapCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidOperation)
        $e.TargetObject | Should -BeOfType [uint64]
        $e.TargetObject | Should -Be ([uint64]'0x40000')
        (Get-PkmapCount -Slot 1 -Machine $w14).PkmapCount | Should -Be 1
    }
}

Describe 'kunmap() of a page that is not mapped (W15)' {
    It 'W15: is a BUG' {
        $m = New-VmMachine -MemorySize 2GB
        { Invoke-Kunmap 0x40000 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'KunmapNotMapped,KernelVm.PowerShell.Commands.InvokeKunmapCommand'
    }
}

Describe 'pkmap exhaustion' {
    It 'blocks with a warning, and a kunmap to count 1 wakes the waiter, which completes its kmap' {
        $m = New-VmMachine -MemorySize 2GB
        $null = 0..1023 | ForEach-Object { Invoke-Kmap (0x40000 + $_) -Task filler -Machine $m }

        $r = Invoke-Kmap 0x60000 -Task waiter -Machine $m -WarningVariable warnings -WarningAction SilentlyContinue
        $r | Should -HaveCount 1
        $r.Status | Should -BeExactly 'Blocked'
        @($warnings.Message) -clike '*pkmap_map_wait*' | Should -Not -BeNullOrEmpty
        $task = Get-VmTask waiter -Machine $m
        $task | Should -HaveCount 1
        $task.State | Should -BeExactly 'Blocked'
        [uint64]$task.WaitingForPfn | Should -Be ([uint64]'0x60000')
        { Invoke-Kmap 0x60001 -Task waiter -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'TaskBlocked,KernelVm.PowerShell.Commands.InvokeKmapCommand'

        $unmap = Invoke-Kunmap 0x40005 -Task filler -Machine $m
        $unmap | Should -HaveCount 1
        $unmap.Woken | Should -HaveCount 1
        $woken = $unmap.Woken[0]
        $woken.Status | Should -BeExactly 'NewSlot'
        $woken.Flushed | Should -Be $true
        (Get-VmTask waiter -Machine $m).State | Should -BeExactly 'Running'
        $kinds = (Get-VmEvent -Last 12 -Machine $m).ForEach({ $_.Kind.ToString() })
        $kinds | Should -Contain 'WakeUp'
        $kinds | Should -Contain 'FlushAllZeroPkmaps'
        $kinds | Should -Contain 'TlbFlushAll'
    }
}

Describe 'kmap() step by step' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
    }

    It 'prints every step with -Verbose' {
        $verbose = Invoke-Kmap 0x40000 -Machine $m -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
            ForEach-Object Message
        @($verbose) -clike 'SlotChosen task0 cpu 0 slot 1 pfn 0x40000*' | Should -Not -BeNullOrEmpty
        @($verbose) -clike 'HashInsert*bucket*' | Should -Not -BeNullOrEmpty
    }

    It 'prints the steps under $VerbosePreference and from a caller''s -Verbose, and none by default' {
        $steps = { param($Pfn) Invoke-Kmap $Pfn -Machine $m 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } }
        @(& $steps 0x40010) | Should -HaveCount 0
        $VerbosePreference = 'Continue'
        @(& $steps 0x40011) | Should -Not -HaveCount 0
        $VerbosePreference = 'SilentlyContinue'
        function Test-Caller { [CmdletBinding()] param() Invoke-Kmap 0x40012 -Machine $m 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } }
        @(Test-Caller -Verbose) | Should -Not -HaveCount 0
        @(Test-Caller) | Should -HaveCount 0
    }

    It 'takes the fast path for a lowmem page' {
        $lowmem = New-VmMachine -MemorySize 2GB
        $k = Get-VmPage -Pfn 0x100 -Machine $lowmem | Invoke-Kmap -Machine $lowmem
        $k | Should -HaveCount 1
        $k.Status | Should -BeExactly 'Lowmem'
        [uint64]$k.VirtualAddress | Should -Be ([uint64]'0xC0100000')
        $k.PSObject.Properties.Name | Should -Contain 'Slot'
        $k.Slot | Should -Be $null
        Get-PkmapCount -InUse -Machine $lowmem | Should -BeNullOrEmpty
    }

    It 'takes page descriptors by parameter and by pipeline' {
        $pages = New-VmMachine -MemorySize 2GB
        (Invoke-Kmap -Page (Get-VmPage -Pfn 0x40000 -Machine $pages) -Machine $pages).Slot | Should -Be 1
        (Get-VmPage -Pfn 0x40001 -Machine $pages | Invoke-Kmap -Machine $pages).Slot | Should -Be 2
    }

    It 'binds piped strings to the pfn, not the machine' {
        # About the default machine: nothing names it, so a piped string could only bind to the pfn.
        $default = New-VmMachine -MemorySize 2GB
        '0x40000', '0x40001' | Invoke-Kmap | Should -HaveCount 2
        $info = '0x40000' | Get-PageAddress
        $info | Should -HaveCount 1
        [uint64]$info.Pfn | Should -Be ([uint64]'0x40000')
        (Get-VmLayout -Machine $default.Name -Kind Pkmap).Machine.ToString() | Should -BeExactly $default.Name
    }

    It 'reports the hash bucket of page_address()' {
        $hash = New-VmMachine -MemorySize 2GB
        $null = Invoke-Kmap 0x40000 -Machine $hash
        $info = Get-PageAddress 0x40000 -Machine $hash
        $page = [uint64]$info.Page
        # hash_ptr(page, PA_HASH_ORDER = 7) on 32 bits: (u32)(page * GOLDEN_RATIO_PRIME_32) >> 25
        $bucket = (($page * [uint64]'0x9E370001') -band [uint64]'0xFFFFFFFF') -shr 25
        $info.Bucket | Should -Be $bucket
        $unmapped = Get-PageAddress 0x40001 -Machine $hash
        $unmapped.PSObject.Properties.Name | Should -Contain 'VirtualAddress'
        $unmapped.VirtualAddress | Should -Be $null
    }

    It 'has no pkmap on a machine without highmem' {
        $small = New-VmMachine -MemorySize 512MB -HighMem None
        { Get-PkmapCount -Machine $small -ErrorAction Stop } |
            Should -Throw -ErrorId 'NoHighmem,KernelVm.PowerShell.Commands.GetPkmapCountCommand'
        (Invoke-Kmap 0x100 -Machine $small).Status | Should -BeExactly 'Lowmem'
    }
}

Describe 'kmap_atomic()' {
    It 'BUGs when the slot is busy' {
        $m = New-VmMachine -MemorySize 2GB
        $null = Invoke-KmapAtomic 0x40005 KM_USER0 -Machine $m
        { Invoke-KmapAtomic 0x40006 KM_USER0 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'KmapAtomicSlotBusy*'
    }

    It 'shows its slot in the page-table walk, BUGs when busy, and kunmap_atomic clears it' {
        $m = New-VmMachine -MemorySize 2GB
        $a = Invoke-KmapAtomic 0x40005 KM_USER0 -Machine $m
        $a | Should -HaveCount 1
        $a.FixmapIndex | Should -Be 7
        [uint64]$a.VirtualAddress | Should -Be ([uint64]'0xFFFF8000')
        [uint64](Resolve-VmAddress 0xFFFF8000 -Machine $m).PhysicalAddress | Should -Be ([uint64]'0x40005000')
        [uint64](Get-VmPage -VirtualAddress 0xFFFF8123 -Machine $m).Pfn | Should -Be ([uint64]'0x40005')
        { Invoke-KmapAtomic 0x40006 -Type KM_USER0 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'KmapAtomicSlotBusy,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand'
        Invoke-KmapAtomic 0x40005 KM_USER1 -Machine $m | Invoke-KunmapAtomic -PassThru | Should -Be $true
        Invoke-KunmapAtomic 0xFFFF8000 KM_USER0 -PassThru -Machine $m | Should -Be $true
        (Resolve-VmAddress 0xFFFF8000 -Machine $m).Mapped | Should -Be $false
        { Invoke-KmapAtomic 0x40005 KM_NOPE -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'KmTypeUnknown,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand'
    }

    It 'still reports the mapping it made when its -Touch fails' {
        $m = New-VmMachine -MemorySize 2GB -NrCpus 2
        $null = Invoke-KmapAtomic 0x40000 KM_USER0 -Touch -Machine $m
        $null = Clear-Fixmap -Name FIX_KMAP_BEGIN+3 -Cpu 1 -Machine $m
        $r = Invoke-KmapAtomic 0x40001 KM_USER0 -Touch -Machine $m -ErrorAction SilentlyContinue -ErrorVariable errs
        $r | Should -HaveCount 1
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeExactly 'StaleTlbAccess,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand'
    }
}

Describe 'The TLB and pkmap' {
    It 'keeps the TLB entry of a count-1 slot until flush_all_zero_pkmaps()' {
        $m = New-VmMachine -MemorySize 2GB
        $null = Invoke-Kmap 0x40000 -Touch -Machine $m
        $null = Invoke-Kunmap 0x40000 -Machine $m
        $entry = Get-VmTlb -Machine $m
        $entry | Should -HaveCount 1
        [uint64]$entry.VirtualAddress | Should -Be ([uint64]'0xFF801000')
        $entry.Global | Should -Be $true
        $entry.Stale | Should -Be $false
        (Invoke-VmAccess 0xFF801000 -Machine $m).TlbHit | Should -Be $true
        $null = $m.KmapFlushUnused()
        Get-VmTlb -Machine $m | Should -BeNullOrEmpty
        { Invoke-VmAccess 0xFF801000 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnmappedKernelAccess,KernelVm.PowerShell.Commands.InvokeVmAccessCommand'
    }

    It 'reports a stale TLB entry on another CPU as the bug it is' {
        $m = New-VmMachine -Config R2 -MemorySize 2GB
        $a = Invoke-KmapAtomic 0x40005 KM_USER0 -Cpu 0 -Machine $m
        $vaddr = [uint64]$a.VirtualAddress
        $null = Invoke-VmAccess $vaddr -Cpu 1 -Machine $m
        $null = Invoke-KunmapAtomic $vaddr KM_USER0 -Cpu 0 -Machine $m          # invlpg on CPU 0 only
        (Get-VmTlb -Cpu 1 -Machine $m).Stale | Should -Be $true
        { Invoke-VmAccess $vaddr -Cpu 1 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'StaleTlbAccess,KernelVm.PowerShell.Commands.InvokeVmAccessCommand'
        { Invoke-VmAccess $vaddr -Cpu 8 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'CpuOutOfRange,KernelVm.PowerShell.Commands.InvokeVmAccessCommand'
    }
}
