# Pester 5: kmap_local in kernel 6.x (mm/highmem.c, include/linux/highmem-internal.h,
# include/asm-generic/kmap_size.h, arch/x86/include/asm/highmem.h, kernel/sched/core.c; kernel-model.md §5.3),
# next to 2.6.24's km_type slots. Expected addresses are computed as the kernel computes them:
# __fix_to_virt(FIX_KMAP_BEGIN + slot + KM_MAX_IDX * cpu) = FIXADDR_TOP - (index << PAGE_SHIFT).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    $ErrorActionPreference = 'Stop'

    # The address of stack slot $Slot of CPU $Cpu on a 6.x machine: KM_MAX_IDX is 16 without DEBUG_HIGHMEM.
    function Get-SlotAddress($Machine, [int] $Slot, [int] $Cpu = 0, [int] $KmMaxIdx = 16) {
        $begin = (Get-Fixmap -Name FIX_KMAP_BEGIN -Machine $Machine).Index
        [uint64]'0xFFFFF000' - [uint64](($begin + $Slot + $KmMaxIdx * $Cpu) * 4096)
    }
}

Describe 'Invoke-KmapLocal on 6.x' {
    BeforeAll {
        $m = New-VmMachine -KernelVersion 6.x -MemorySize 2GB
        $maps = Invoke-KmapLocal 0x40000, 0x40001 -Touch -Machine $m
    }

    It 'pushes stack slots 0 and 1 at FIX_KMAP_BEGIN 3 + slot: 0xFFFFC000 and 0xFFFFB000' {
        (Get-Fixmap -Name FIX_KMAP_BEGIN -Machine $m).Index | Should -Be 3
        $maps.Slot | Should -Be @(0, 1)
        $maps.FixmapIndex | Should -Be @(3, 4)
        $maps.KmapCtrlIdx | Should -Be @(1, 2)
        $maps[0].VirtualAddress | Should -Be 0xFFFFC000
        $maps[1].VirtualAddress | Should -Be (Get-SlotAddress $m 1)
    }

    It 'writes the PTEs, which Get-Fixmap and Get-VmPage see' {
        $mapped = Get-Fixmap -Mapped -Machine $m
        $mapped.Name | Should -Be @('FIX_KMAP_BEGIN', 'FIX_KMAP_BEGIN+1')
        (Get-VmPage -VirtualAddress 0xFFFFB000 -Machine $m).Pfn | Should -Be 0x40001
    }

    It 'keeps the stack on the task, which Get-VmTask shows' {
        $task = Get-VmTask task0 -Machine $m
        $task.KmapCtrlIdx | Should -Be 2
        $task.KmapLocal.Slot | Should -Be @(0, 1)
        $task.KmapLocal.Pfn | Should -Be @(0x40000, 0x40001)
        $task.OnCpu | Should -BeTrue
        $task.KmapLocal.ToString() | Should -BeExactly 'slot 0 pfn 0x40000 at 0xFFFFC000; slot 1 pfn 0x40001 at 0xFFFFB000'
    }

    It 'gives a lowmem page its page_address(), without a slot' {
        $low = Invoke-KmapLocal 0x100 -Machine $m
        $low.VirtualAddress | Should -Be 0xC0100000
        $low.Lowmem | Should -BeTrue
        $low.Slot | Should -BeNullOrEmpty
        $low.KmapCtrlIdx | Should -Be 2
    }

    It 'uses KM_MAX_IDX slots per CPU: on PAE with 4 CPUs, CPU 1 slot 1 is idx 1 + 16 * 1 at 0xFFFAA000' {
        $smp = New-VmMachine -KernelVersion 6.x -Architecture X86Pae -MemorySize 2GB -NrCpus 4
        # SMP: FIX_APIC_BASE 3, 64 IO-APIC slots 4..67, FIX_KMAP_BEGIN 68; 0xFFFFF000 - (68 + 17) * 0x1000.
        $r = Invoke-KmapLocal 0x40000, 0x40001 -Cpu 1 -Task t -Machine $smp
        $r[1].FixmapIndex | Should -Be (68 + 1 + 16 * 1)
        $r[1].VirtualAddress | Should -Be 0xFFFAA000
        $r[1].VirtualAddress | Should -Be (Get-SlotAddress $smp 1 1)
        Remove-VmMachine -InputObject $smp
    }

    It 'is a kernel BUG at the 16th mapping (idx would reach KM_MAX_IDX 16), and changes nothing' {
        $full = New-VmMachine -KernelVersion 6.x -MemorySize 2GB
        $null = 0x40000..0x4000E | Invoke-KmapLocal -Machine $full
        $before = $full.Events.NextSequence
        { Invoke-KmapLocal 0x4000F -Machine $full } | Should -Throw -ErrorId 'KmapLocalStackFull,KernelVm.PowerShell.Commands.InvokeKmapLocalCommand'
        $full.Events.NextSequence | Should -Be $before
        (Get-VmTask -Machine $full).KmapCtrlIdx | Should -Be 15
        Remove-VmMachine -InputObject $full
    }

    It 'with DEBUG_HIGHMEM pushes by two (guard slots, KM_MAX_IDX 33) and maps lowmem pages too (FORCE_MAP)' {
        $dbg = New-VmMachine -KernelVersion 6.x -MemorySize 2GB -KernelOption DEBUG_HIGHMEM
        $r = Invoke-KmapLocal 0x40000, 0x100 -Machine $dbg
        $r.Slot | Should -Be @(1, 3)
        $r.KmapCtrlIdx | Should -Be @(2, 4)
        $r[1].VirtualAddress | Should -Be (Get-SlotAddress $dbg 3 0 33)
        (Get-Fixmap -Name FIX_KMAP_BEGIN -Machine $dbg).Mapped | Should -BeFalse         # slot 0: a guard
        (Get-Fixmap -Name FIX_KMAP_END -Machine $dbg).Index | Should -Be (3 + 33 - 1)
        Remove-VmMachine -InputObject $dbg
    }

    It 'is the direct map on x86-64, which has no CONFIG_HIGHMEM' {
        $x64 = New-VmMachine -KernelVersion 6.x -Architecture X86_64 -MemorySize 8GB
        $r = Invoke-KmapLocal 0x100 -Machine $x64
        [uint64]$r.VirtualAddress | Should -Be ([uint64]'0xFFFF888000100000')
        $r.Lowmem | Should -BeTrue
        (Invoke-KunmapLocal $r.VirtualAddress -Machine $x64).Slot | Should -BeNullOrEmpty
        Remove-VmMachine -InputObject $x64
    }

    It 'does not exist before 5.11: <Version> refuses it' -ForEach @(@{ Version = '2.6.24' }, @{ Version = '2.4.22' }) {
        $old = New-VmMachine -KernelVersion $Version -MemorySize 2GB
        $e = { Invoke-KmapLocal 0x40000 -Machine $old } | Should -Throw -ErrorId 'KmapLocalNotInKernel,KernelVm.PowerShell.Commands.InvokeKmapLocalCommand' -PassThru
        $e.TargetObject | Should -Be $Version
        { Invoke-KunmapLocal 0xFFFFC000 -Machine $old } | Should -Throw -ErrorId 'KmapLocalNotInKernel*'
        Remove-VmMachine -InputObject $old
    }
}

Describe 'Invoke-KunmapLocal on 6.x' {
    It 'pops the top: last in, first out, without a warning' {
        $m = New-VmMachine -KernelVersion 6.x -MemorySize 2GB
        $maps = Invoke-KmapLocal 0x40000, 0x40001 -Machine $m
        $r = $maps[1], $maps[0] | Invoke-KunmapLocal -WarningVariable warned
        $warned | Should -BeNullOrEmpty
        $r.Slot | Should -Be @(1, 0)
        $r.ClearedAddress | Should -Be @(0xFFFFB000, 0xFFFFC000)
        $r.KmapCtrlIdx | Should -Be @(1, 0)
        Get-Fixmap -Mapped -Machine $m | Should -BeNullOrEmpty
    }

    It 'flushes the address from this CPU only (flush_tlb_one_kernel)' {
        $m = New-VmMachine -KernelVersion 6.x -MemorySize 2GB -NrCpus 2
        $a = Invoke-KmapLocal 0x40000 -Touch -Machine $m
        $null = Invoke-VmAccess $a.VirtualAddress -Cpu 1 -Task other -Machine $m
        $r = $a | Invoke-KunmapLocal
        $r.FlushedAddress | Should -Be $a.VirtualAddress
        Get-VmTlb -Cpu 0 -Machine $m | Should -BeNullOrEmpty
        (Get-VmTlb -Cpu 1 -Machine $m).Stale | Should -BeTrue
        { Invoke-VmAccess $a.VirtualAddress -Cpu 1 -Task other -Machine $m } | Should -Throw -ErrorId 'StaleTlbAccess*'
    }

    It 'out of order warns once (WARN_ON_ONCE), still clears the top, and leaves its TLB entry stale' {
        $m = New-VmMachine -KernelVersion 6.x -MemorySize 2GB
        $maps = Invoke-KmapLocal 0x40000, 0x40001 -Touch -Machine $m
        $first = $maps[0] | Invoke-KunmapLocal -WarningVariable w1 -WarningAction SilentlyContinue
        $w1 | Should -HaveCount 1
        "$w1" | Should -Match 'not the top'
        $first.Slot | Should -Be 1
        $first.ClearedAddress | Should -Be 0xFFFFB000
        $first.FlushedAddress | Should -Be 0xFFFFC000
        $first.Warning | Should -Not -BeNullOrEmpty
        (Get-VmPage -VirtualAddress 0xFFFFC000 -Machine $m).Pfn | Should -Be 0x40000             # still mapped
        { Invoke-VmAccess 0xFFFFB000 -Machine $m } | Should -Throw -ErrorId 'StaleTlbAccess*'   # PTE gone, TLB entry not
        $second = $maps[1] | Invoke-KunmapLocal -WarningVariable w2 -WarningAction SilentlyContinue
        "$w2" | Should -Match 'stays silent'
        $second.ClearedAddress | Should -Be 0xFFFFC000
        @(Get-VmEvent -Kind KmapLocalWarning -Machine $m) | Should -HaveCount 2
    }

    It 'does nothing for a lowmem address, warns for a user address' {
        $m = New-VmMachine -KernelVersion 6.x -MemorySize 2GB
        (Invoke-KunmapLocal 0xC0100000 -Machine $m -WarningVariable w).Slot | Should -BeNullOrEmpty
        $w | Should -BeNullOrEmpty
        $null = Invoke-KunmapLocal 0x08048000 -Machine $m -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -Match 'below PAGE_OFFSET'
    }

    It 'is a kernel BUG for a slot address with an empty stack, and changes nothing' {
        $m = New-VmMachine -KernelVersion 6.x -MemorySize 2GB
        $before = $m.Events.NextSequence
        $e = { Invoke-KunmapLocal 0xFFFFC000 -Machine $m } | Should -Throw -ErrorId 'KunmapLocalEmpty,KernelVm.PowerShell.Commands.InvokeKunmapLocalCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $e.TargetObject | Should -Be ([uint64]'0xFFFFC000')
        $m.Events.NextSequence | Should -Be $before
    }
}

Describe 'A context switch on 6.x' {
    BeforeAll {
        $m = New-VmMachine -KernelVersion 6.x -MemorySize 2GB
        $x = Invoke-KmapLocal 0x40000 -Task a -Touch -Machine $m
        $z = Invoke-KmapLocal 0x40005 -Task b -Machine $m
    }

    It 'switches a out before b maps: both use stack slot 0 of CPU 0' {
        $z.VirtualAddress | Should -Be $x.VirtualAddress
        (Get-VmPage -VirtualAddress $x.VirtualAddress -Machine $m).Pfn | Should -Be 0x40005
        (Get-VmTask a -Machine $m).OnCpu | Should -BeFalse
        (Get-VmTask a -Machine $m).KmapLocal.Pfn | Should -Be 0x40000                        # kept in kmap_ctrl.pteval
        Get-VmTlb -Machine $m | Where-Object VirtualAddress -eq $x.VirtualAddress | Should -BeNullOrEmpty
        (Get-VmEvent -Kind ContextSwitch, KmapLocalSchedOut -Machine $m).ForEach({ "$($_.Kind)" }) | Should -Be @('ContextSwitch', 'KmapLocalSchedOut')
    }

    It 'restores the incoming task''s PTEs (Switch-VmTask)' {
        $t = Switch-VmTask a -Machine $m
        $t.OnCpu | Should -BeTrue
        (Get-VmPage -VirtualAddress $x.VirtualAddress -Machine $m).Pfn | Should -Be 0x40000
        (Invoke-VmAccess ($x.VirtualAddress + 0x10) -Task a -Machine $m).PhysicalAddress | Should -Be 0x40000010
        @(Get-VmEvent -Kind KmapLocalSchedIn -Machine $m) | Should -HaveCount 1
    }

    It 'undoes the switch when the call then fails' {
        $before = $m.Events.NextSequence
        # A new task c: switching a out leaves nothing at a's address, so c's access faults.
        { Invoke-VmAccess $x.VirtualAddress -Task c -Machine $m } | Should -Throw -ErrorId 'UnmappedKernelAccess*'
        $m.Events.NextSequence | Should -Be $before
        (Get-VmTask a -Machine $m).OnCpu | Should -BeTrue
        { Get-VmTask c -Machine $m } | Should -Throw -ErrorId 'TaskNotFound*' 
        (Get-VmPage -VirtualAddress $x.VirtualAddress -Machine $m).Pfn | Should -Be 0x40000
    }

    It 'keeps a task with mappings on its CPU (migrate_disable)' {
        $smp = New-VmMachine -KernelVersion 6.x -MemorySize 2GB -NrCpus 2
        $a = Invoke-KmapLocal 0x40000 -Task a -Machine $smp
        $e = { Invoke-KmapLocal 0x40001 -Task a -Cpu 1 -Machine $smp } | Should -Throw -ErrorId 'TaskMigrationDisabled*' -PassThru
        $e.TargetObject | Should -Be 1
        $null = $a | Invoke-KunmapLocal
        (Invoke-KmapLocal 0x40001 -Task a -Cpu 1 -Machine $smp).VirtualAddress | Should -Be (Get-SlotAddress $smp 0 1)
        Remove-VmMachine -InputObject $smp
    }
}

Describe 'kmap_atomic on 6.x: preempt_disable, pagefault_disable and kmap_local' {
    BeforeAll {
        $m = New-VmMachine -KernelVersion 6.x -MemorySize 2GB -NrCpus 2
    }

    It 'takes no km_type' {
        { Invoke-KmapAtomic 0x40000 KM_USER0 -Machine $m } | Should -Throw -ErrorId 'KmTypeNotInKernel,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand'
    }

    It 'pushes a kmap_local slot and keeps the CPU until kunmap_atomic' {
        $a = Invoke-KmapAtomic 0x40000 -Task irq -Machine $m
        $a.FixmapIndex | Should -Be (Get-Fixmap -Name FIX_KMAP_BEGIN -Machine $m).Index
        $a.Type | Should -BeNullOrEmpty
        (Get-VmTask irq -Machine $m).PagefaultDisabled | Should -Be 1
        { Switch-VmTask other -Cpu 0 -Machine $m } | Should -Throw -ErrorId 'CpuNotPreemptible*'
        { Switch-VmTask irq -Cpu 1 -Machine $m } | Should -Throw -ErrorId 'TaskMigrationDisabled*'
        $a | Invoke-KunmapAtomic -PassThru | Should -BeTrue
        (Get-VmTask irq -Machine $m).PagefaultDisabled | Should -Be 0
        (Switch-VmTask other -Cpu 0 -Machine $m).OnCpu | Should -BeTrue
    }

    It 'refuses a kunmap_atomic without kmap_atomic' {
        { Invoke-KunmapAtomic 0xFFFBB000 -Task nobody -Machine $m } | Should -Throw -ErrorId 'KunmapAtomicUnbalanced*'
    }

    It 'still needs a km_type on 2.6.24, where kmap_atomic has its own slots' {
        $old = New-VmMachine -MemorySize 2GB
        { Invoke-KmapAtomic 0x40000 -Machine $old } | Should -Throw -ErrorId 'KmTypeRequired,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand'
        (Invoke-KmapAtomic 0x40000 KM_USER0 -Machine $old).FixmapIndex | Should -Be 7                   # FIX_KMAP_BEGIN 4 + KM_USER0 3
        Remove-VmMachine -InputObject $old
    }
}
