# Grades Lab 2. A student runs `Invoke-Pester ./Lab.Tests.ps1`, which grades ./Lab.ps1; an instructor
# grades another file with a container: New-PesterContainer -Path ./Lab.Tests.ps1 -Data @{ Solution = './Solution.ps1' }
param(
    # The script that defines the lab's functions; a relative path is taken from this folder.
    [string] $Solution = 'Lab.ps1'
)

BeforeDiscovery {
    $slots = 0, 1, 5, 1023 | ForEach-Object { @{ Slot = $_ } }
    $kmaps = @(
        @{ Kmaps = 1; Slot = 1 }
        @{ Kmaps = 3; Slot = 3 }
        @{ Kmaps = 1023; Slot = 1023 }
        @{ Kmaps = 1024; Slot = 0 }
    )
}

BeforeAll {
    # The module as this repository builds it, else the installed one.
    if (-not (Get-Module KernelVm)) {
        $built = Join-Path $PSScriptRoot '../../../out/KernelVm/KernelVm.psd1'
        if (Test-Path $built) { Import-Module $built } else { Import-Module KernelVm }
    }
    . $(if ([IO.Path]::IsPathRooted($Solution)) { $Solution } else { Join-Path $PSScriptRoot $Solution })

    # Every test boots its own machine under this name; the unique suffix lets the lab run again.
    $name = 'lab2-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    function New-LabMachine { New-VmMachine -Name $name -MemorySize 2GB -Force }
}

AfterAll {
    Remove-VmMachine $name -ErrorAction SilentlyContinue
}

Describe 'Lab 2: persistent kmaps' {
    Context 'PKMAP_ADDR' {
        It 'slot <Slot> is where Get-PkmapCount says' -ForEach $slots {
            $m = New-LabMachine
            Get-PkmapSlotAddress -Slot $Slot | Should -Be (Get-PkmapCount $Slot -Machine $m).VirtualAddress -Because 'PKMAP_ADDR(nr) = PKMAP_BASE + (nr << PAGE_SHIFT) (include/asm-x86/highmem.h)'
        }
    }

    Context 'map_new_virtual' {
        It 'new page number <Kmaps> on a fresh machine takes slot <Slot>' -ForEach $kmaps {
            $m = New-LabMachine
            $last = 1..$Kmaps | ForEach-Object { 0x40000 + $_ } | Invoke-Kmap -Machine $m | Select-Object -Last 1
            $last.Slot | Should -Be $Slot
            Get-NextSlot -Kmaps $Kmaps | Should -Be $last.Slot -Because 'map_new_virtual() (mm/highmem.c) increments last_pkmap_nr, which starts at 0, before it tests a slot: the first page gets slot 1, and slot 0 is handed out only after last_pkmap_nr wraps'
        }

        It 'fills all LAST_PKMAP slots and no more' {
            $m = New-LabMachine
            $results = @(Invoke-FillPkmap -Machine $m -FirstPfn 0x40000)
            $results.Count | Should -Be 1024 -Because 'LAST_PKMAP is 1024 without PAE: the pkmap area is one page-table page of PTEs'
            @($results | Where-Object Status -eq 'Blocked') | Should -BeNullOrEmpty -Because 'a kmap() past the last free slot sleeps on pkmap_map_wait'
            @(Get-PkmapCount -InUse -Machine $m).Count | Should -Be 1024 -Because 'every slot holds one page with one user (count 2)'
        }
    }

    Context 'kunmap and the stale slot' {
        It 'a slot at count 1 is not reusable: kunmap() does not flush' {
            $m = New-LabMachine
            $null = 0x40000, 0x40001, 0x40002 | Invoke-Kmap -Touch -Machine $m
            $null = Invoke-Kunmap 0x40000 -Machine $m
            @(Get-VmTlb -Machine $m | Where-Object VirtualAddress -eq 0xFF801000) | Should -HaveCount 1
            $reusable = @(Get-ReusableSlot -Machine $m)
            $reusable | Should -Not -Contain 1 -Because 'slot 1 has pkmap_count 1: no users, but its PTE still maps pfn 0x40000 and CPU 0''s TLB still holds 0xFF801000 (Get-VmTlb), since kunmap_high() does not flush. Only flush_all_zero_pkmaps(), on the wrap, frees it, and flushes every TLB before the slot can map another page'
            $reusable | Should -Contain 0
            $reusable.Count | Should -Be 1021 -Because 'slots 1, 2 and 3 are mapped; the other 1021 are at count 0'
        }

        It 'the wrap frees the stale slot and flushes the TLBs' {
            $m = New-LabMachine
            $null = Invoke-Kmap 0x40000 -Touch -Machine $m
            $null = Invoke-Kunmap 0x40000 -Machine $m
            $null = 0x40001..0x403FF | Invoke-Kmap -Machine $m
            @(Get-ReusableSlot -Machine $m) | Should -Be @(1) -Because 'the 1024th page wrapped last_pkmap_nr: flush_all_zero_pkmaps() set slot 1 from count 1 to 0 and cleared its PTE, and the page took slot 0'
            Get-VmTlb -Machine $m | Should -BeNullOrEmpty -Because 'flush_all_zero_pkmaps() ends with flush_tlb_kernel_range(), a flush_tlb_all() on i386'
        }
    }

    Context 'pkmap_map_wait' {
        It 'a task with no free slot sleeps, and the kunmap() that brings a count to 1 wakes it' {
            $m = New-LabMachine
            $null = Invoke-FillPkmap -Machine $m -FirstPfn 0x40000
            $woken = Invoke-BlockAndWake -Machine $m -Pfn 0x40400 -Task waiter -Release 0x40002
            (Get-VmTask waiter -Machine $m).Wakeups | Should -Be 1 -Because 'the task slept once on pkmap_map_wait'
            $woken.Task | Should -Be 'waiter'
            $woken.Slot | Should -Be 3 -Because 'kunmap_high() of pfn 0x40002 brought slot 3 to count 1 and woke the waiter, which scanned, wrapped, and flush_all_zero_pkmaps() freed slot 3 for it'
            $woken.Flushed | Should -BeTrue -Because 'a count-1 slot becomes free only through the flush'
            (Get-VmTask waiter -Machine $m).State | Should -Be 'Running'
        }
    }
}
