# Pester 5: exploring a machine as crash(8) would (kernel-model.md §1, §2, §6): the layout, the split
# table, zones, nodes, page descriptors, page-table walks, the boot log, and the configurations that fail.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    # An error nobody expected fails the test; tests that expect errors say so with -ErrorAction.
    $ErrorActionPreference = 'Stop'
}

Describe 'A 2 GiB 2.6.24 machine (reference config R1)' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
    }

    It 'lists the regions of the layout in order, with the R1 addresses' {
        $regions = Get-VmLayout -Machine $m
        $regions.Name | Should -BeExactly @('user', 'direct map', 'vmalloc gap', 'vmalloc', 'guard pages', 'pkmap', 'unused', 'fixmap (boot-time)', 'fixmap', 'FIX_HOLE')
        $pkmap = $regions[5]
        [uint64]$pkmap.Start | Should -Be ([uint64]'0xFF800000')
        [uint64]$pkmap.Last | Should -Be ([uint64]'0xFFBFFFFF')
        [uint64]$pkmap.Size | Should -Be ([uint64]4MB)
        Get-VmLayout -Kind FixmapPermanent, FixmapBootTime -Machine $m | Should -HaveCount 2
        Get-VmLayout -Machine $m | Where-Object Start -ge 0xFF800000 | Where-Object Last -le 0xFFBFFFFF | Should -HaveCount 1
    }

    It 'reads zones like kmem -z' {
        $zones = Get-VmZone -Machine $m
        $zones.Name | Should -BeExactly @('DMA', 'Normal', 'HighMem', 'Movable')
        [uint64]$zones[2].StartPfn | Should -Be ([uint64]'0x38000')
        [uint64]$zones[1].ZoneMemMap | Should -Be ([uint64]'0xC1000000' + 0x1000 * 32)
        [uint64](Get-VmZone Normal -Machine $m).PresentPages | Should -Be 223520
    }

    It 'reads the node like kmem -n' {
        $node = Get-VmNode -Machine $m
        $node | Should -HaveCount 1
        [uint64]$node.NodeMemMap | Should -Be ([uint64]'0xC1000000')
        [uint64]$node.MemMapPhysical | Should -Be ([uint64]'0x1000000')
        $node.Zones.ToString() | Should -BeExactly 'DMA; Normal; HighMem' -Because 'Export-Csv writes the text'
        $node.Zones | Should -BeExactly @('DMA', 'Normal', 'HighMem')
    }

    It 'finds pages by pfn, physical address, virtual address and zone' {
        $page = Get-VmPage -Pfn 0x38000 -Machine $m
        $page | Should -HaveCount 1
        $page.Zone | Should -BeExactly 'HighMem'
        $page.PSObject.Properties.Name | Should -Contain 'VirtualAddress'
        $page.VirtualAddress | Should -Be $null
        [uint64]$page.Page | Should -Be ([uint64]'0xC1000000' + 0x38000 * 32)
        [uint64](Get-VmPage -PhysicalAddress 0x100ABC -Machine $m).Pfn | Should -Be ([uint64]'0x100')
        $byVirt = Get-VmPage -VirtualAddress 0xC0100000 -Machine $m
        $byVirt.FlagNames.ToString() | Should -BeExactly 'PG_reserved' -Because 'Export-Csv writes the text'
        $byVirt.FlagNames | Should -BeExactly @('PG_reserved')
        [uint64](ConvertTo-PhysicalAddress 0xC0100000 -Machine $m | Get-VmPage -Machine $m).Pfn | Should -Be ([uint64]'0x100')
        Get-VmPage -Zone DMA -Machine $m | Should -HaveCount 4096
        0x10, 0x20, 0x30 | Get-VmPage -Machine $m | Should -HaveCount 3
    }

    It 'reports a pfn beyond max_pfn as an error and goes on with the rest' {
        $r = Get-VmPage -Pfn 0x7FFFF, 0x80000, 0x10 -Machine $m -ErrorAction SilentlyContinue -ErrorVariable errs
        $r | Should -HaveCount 2
        $errs | Should -HaveCount 1
        $e = $errs[0]
        $e.FullyQualifiedErrorId | Should -BeExactly 'PfnOutOfRange,KernelVm.PowerShell.Commands.GetVmPageCommand'
        $e.TargetObject | Should -BeOfType [uint64]
        $e.TargetObject | Should -Be ([uint64]'0x80000')
        { Get-VmPage -VirtualAddress 0xF8800000 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotInDirectMap,KernelVm.PowerShell.Commands.GetVmPageCommand'
    }

    It 'walks the page tables like vtop, and names the pkmap slot of 0xFF805ABC (W12)' {
        $text = Resolve-VmAddress 0xC0512345 -Machine $m
        $text | Should -HaveCount 1
        $text.Mapped | Should -Be $true
        [uint64]$text.PhysicalAddress | Should -Be ([uint64]'0x512345')
        $text.Region | Should -BeExactly 'direct map'
        $text.Walk | Should -HaveCount 1
        $step = $text.Walk[0]
        $step.Level | Should -BeExactly 'pgd'
        $step.Index | Should -Be 769
        $step.Flags.ToString() | Should -BeLikeExactly '*PSE*'

        $fix = vtop 0xFFFFC000 -Machine $m
        $fix | Should -HaveCount 1
        $fix.Mapped | Should -Be $false
        $fix.Detail.ToString() | Should -BeLikeExactly '*FIX_EARLYCON_MEM_BASE*'
        $fix.Region | Should -BeExactly 'fixmap'
        # W12: PKMAP_NR(0xFF805ABC) = 5
        (Resolve-VmAddress 0xFF805ABC -Machine $m).Detail.ToString() | Should -BeLikeExactly '*slot 5*'
        Get-VmLayout -Kind Pkmap, Vmalloc, User -Machine $m | Resolve-VmAddress -Machine $m | Should -HaveCount 3
    }

    It 'has the 2.6.24 virt_addr_valid() hole: vmalloc and user addresses pass (W21)' {
        (Test-VmVirtAddrValid 0xF8800000, 0x08048000, 0xC0000000 -Machine $m).Valid | Should -Be @($true, $true, $true)
    }

    It 'gives the boot log as objects' {
        $lines = (Get-VmBootLog -Machine $m).ForEach({ $_.Text.ToString() })
        $lines | Should -Contain '896MB LOWMEM available.'
        $lines | Should -Contain 'virtual kernel memory layout:'
        $lines | Should -Contain '    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)'
        $lines | Should -Contain '    lowmem  : 0xc0000000 - 0xf8000000   ( 896 MB)'
        # M8: mem_init() (2.6.24 arch/x86/mm/init_32.c) ends with the image's sections, here the default ones.
        $lines[-3..-1] | Should -Be @(
            '      .init : 0xc0421000 - 0xc047d000   ( 368 kB)'
            '      .data : 0xc03204c4 - 0xc041bdc4   (1006 kB)'
            '      .text : 0xc0100000 - 0xc03204c4   (2177 kB)')
    }
}

Describe 'The split table (Mauerer, Table 3-6)' {
    It 'rebuilds table 3-6: MAXMEM per split, high_memory always 0xF8000000' {
        $rows = Get-VmSplitTable
        $rows.ForEach({ [uint64]$_.MaxMem -shr 20 }) | Should -Be @(896, 1152, 1920, 2048, 2944)
        $rows.ForEach({ [uint64]$_.HighMemory }) | Should -Be (@([uint64]'0xF8000000') * 5)
    }

    It 'forbids the OPT splits with PAE, and every split but 3G in 2.4.22' {
        $pae = Get-VmSplitTable -Architecture X86Pae | Where-Object { -not $_.Allowed }
        $pae.ForEach({ $_.VmSplit.ToString() }) | Should -BeExactly @('VMSPLIT_3G_OPT', 'VMSPLIT_2G_OPT')
        Get-VmSplitTable -KernelVersion 2.4.22 | Where-Object { -not $_.Allowed } | Should -HaveCount 4
    }
}

Describe 'Booting' {
    It 'prints the boot log as verbose text, and dmesg -Level filters it' {
        $output = New-VmMachine -Verbose 4>&1
        $verbose = $output.Where({ $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $machine = $output.Where({ $_ -isnot [System.Management.Automation.VerboseRecord] })
        $machine | Should -HaveCount 1
        $verbose | Should -Contain '  Normal zone: 1760 pages used for memmap'
        dmesg -Level Notice -Machine $machine[0] | Should -HaveCount 2
    }

    It 'takes configs, boot options, kernel options, CPU features and NUMA nodes' {
        $r2 = New-VmMachine -Config R2 -BootOption 'vmalloc=256M'
        $pkmap = $r2 | Get-VmLayout -Kind Pkmap
        $pkmap | Should -HaveCount 1
        [uint64]$pkmap.Start | Should -Be ([uint64]'0xFF800000')
        [uint64]$r2.HighMemory | Should -Be ([uint64]'0xF0000000')

        $opts = New-VmMachine -KernelOption X86_LOCAL_APIC, DEBUG_HIGHMEM -NrCpus 2
        $opts | Should -HaveCount 1
        # An SMP kernel has X86_IO_APIC too (no prompt, default y on SMP): 64 IO-APIC slots.
        [int]$opts.Fixmaps.EndOfPermanent | Should -Be (5 + 64 + 27 * 2)

        $noPse = New-VmMachine -CpuFeature PGE
        (Resolve-VmAddress 0xC0100000 -Machine $noPse).Walk.Count | Should -Be 2

        $numa = New-VmMachine -Architecture X86Pae -MemorySize 4GB -Node '0-2GB', '2GB-4GB'
        $numa | Should -HaveCount 1
        Get-VmNode -Machine $numa | Should -HaveCount 2
        (Get-VmPage -Pfn 0x80005 -Machine $numa).Node | Should -Be 1
    }

    It 'walks three levels with PAE: pgd 3, pmd 0, pte 256 (W23)' {
        $pae = New-VmMachine -Architecture X86Pae -CpuFeature PGE, NX
        $walk = (Resolve-VmAddress 0xC0100000 -Machine $pae).Walk
        $walk.ForEach({ '{0} {1}' -f $_.Level, $_.Index }) | Should -BeExactly @('pgd 3', 'pmd 0', 'pte 256')
    }

    It 'refuses <Script> with <ErrorId> and creates nothing' -ForEach @(
        @{ Script = "New-VmMachine -Config R9"; ErrorId = 'ConfigPresetUnknown' }
        @{ Script = "New-VmMachine -KernelOption NOSUCH"; ErrorId = 'KernelOptionUnknown' }
        @{ Script = "New-VmMachine -BootOption 'memmap=1G'"; ErrorId = 'BootOptionUnknown' }
        @{ Script = "New-VmMachine -BootOption 'mem=16M'"; ErrorId = 'BootOptionInvalid' }
        @{ Script = "New-VmMachine -BootOption 'vmalloc=abc'"; ErrorId = 'BootOptionInvalid' }
        @{ Script = "New-VmMachine -BootOption 'vmalloc=8M' -MemorySize 2GB"; ErrorId = 'LayoutBug' }
        @{ Script = "New-VmMachine -KernelVersion 2.4.22 -BootOption 'reservetop=16M'"; ErrorId = 'BootOptionNotInKernel' }
        @{ Script = "New-VmMachine -Node '0-1GB'"; ErrorId = 'NumaNotAvailable' }
        @{ Script = "New-VmMachine -Architecture X86Pae -MemorySize 2GB -Node '0-1GB', '1GB-1536MB'"; ErrorId = 'NodeRangeInvalid' }
    ) {
        $before = @(Get-VmMachine).Count
        $e = { & ([scriptblock]::Create("$Script -ErrorAction Stop")) } | Should -Throw -ErrorId "$ErrorId,*" -PassThru
        $e.TargetObject | Should -Not -BeNullOrEmpty
        @(Get-VmMachine).Count | Should -Be $before
    }
}

Describe 'A 6.x machine' {
    It 'boots kernel <Version> as 6.17, with the modern layout and rules' -ForEach @(
        @{ Version = '6.x' }
        @{ Version = '6.17' }
    ) {
        $m = New-VmMachine -KernelVersion $Version -MemorySize 2GB
        $m | Should -HaveCount 1
        $m.Kernel.ToString() | Should -BeExactly '6.17'
        [uint64]$m.HighMemory | Should -Be ([uint64]'0xF73FE000')
        $names = (Get-VmLayout -Machine $m).ForEach({ $_.Name.ToString() })
        $names | Should -Contain 'LDT remap'
        $names | Should -Contain 'cpu entry area'
        Test-VmVirtAddrValid 0xF8800000 -Machine $m -Quiet | Should -Be $false
        { Invoke-KmapAtomic 0x40000 KM_USER0 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'KmTypeNotInKernel,KernelVm.PowerShell.Commands.InvokeKmapAtomicCommand'
        (Set-Fixmap FIX_EARLYCON_MEM_BASE 0xFED00000 -NoCache -PassThru -Machine $m).Flags.ToString() | Should -BeLikeExactly '*PWT*'
        { New-VmMachine -KernelVersion 6.x -Architecture X86Pae -HighMem 64G -ErrorAction Stop } |
            Should -Throw -ErrorId 'HighMemNotAllowed,KernelVm.PowerShell.Commands.NewVmMachineCommand'
    }
}
