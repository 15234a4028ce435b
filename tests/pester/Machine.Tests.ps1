# Pester 5: the machine model a lab can grade against (kernel-model.md §1, §2, §6, §7).

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    # An error nobody expected fails the test; tests that expect errors say so with -ErrorAction.
    $ErrorActionPreference = 'Stop'

    . (Join-Path $PSScriptRoot 'PesterHelpers.ps1')

    # A name no other test (and no earlier run in this session) has taken.
    function New-UniqueName { 't-' + [guid]::NewGuid().ToString('N').Substring(0, 8) }
}

Describe 'New-VmMachine' {
    It 'boots the default machine vm0: i386, 3G/1G, 2.6.24, 1 GiB' {
        $m = Invoke-InFreshRunspace 'New-VmMachine'
        $m | Should -HaveCount 1
        $m.pstypenames[0] | Should -BeExactly 'KernelVm.Machine'
        $m.Name | Should -BeExactly 'vm0'
        $m.Architecture.ToString() | Should -BeExactly 'X86'
        $m.VmSplit.ToString() | Should -BeExactly 'VMSPLIT_3G'
        $m.Kernel.ToString() | Should -BeExactly '2.6.24'
        [uint64]$m.UsableMemory | Should -Be ([uint64]1GB)
        [uint64]$m.PageOffset | Should -Be ([uint64]'0xC0000000')
        [uint64]$m.HighMemory | Should -Be ([uint64]'0xF8000000')
        [uint64]$m.MaxLowPfn | Should -Be ([uint64]'0x38000')
    }

    It 'prints the boot lines of W4 with 2 GiB' {
        $output = New-VmMachine -MemorySize 2GB -Verbose 4>&1
        $verbose = $output.Where({ $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $m = $output.Where({ $_ -isnot [System.Management.Automation.VerboseRecord] })
        $m | Should -HaveCount 1
        [uint64]$m[0].MaxPfn | Should -Be ([uint64]'0x80000')
        [uint64]$m[0].HighStartPfn | Should -Be ([uint64]'0x38000')
        $verbose | Should -Contain '1152MB HIGHMEM available.'
        $verbose | Should -Contain '896MB LOWMEM available.'
    }

    It 'takes the short split name -VmSplit <Typed>: PAGE_OFFSET <PageOffset>' -ForEach @(
        @{ Typed = "2G"; PageOffset = '0x80000000' }
        @{ Typed = "VMSPLIT_2G_OPT"; PageOffset = '0x78000000' }
        @{ Typed = "'1G'"; PageOffset = '0x40000000' }
        @{ Typed = "3G_OPT"; PageOffset = '0xB0000000' }
    ) {
        $m = & ([scriptblock]::Create("New-VmMachine -VmSplit $Typed"))
        $m | Should -HaveCount 1
        [uint64]$m.PageOffset | Should -Be ([uint64]$PageOffset)
    }

    It 'takes the memory size in hex and with suffixes' {
        [uint64](New-VmMachine -MemorySize '512MB').UsableMemory | Should -Be ([uint64]512MB)
        [uint64](New-VmMachine -MemorySize 0x20000000).UsableMemory | Should -Be ([uint64]'0x20000000')
        [uint64](New-VmMachine -MemorySize 512MB).HighMemory | Should -Be ([uint64]'0xE0000000')
    }

    It 'boots 2.4.22 typed bare, which has no split option' {
        (New-VmMachine -KernelVersion 2.4.22).Kernel.ToString() | Should -BeExactly '2.4.22'
        { New-VmMachine -KernelVersion 2.4.22 -VmSplit 2G -ErrorAction Stop } |
            Should -Throw -ErrorId 'SplitNotAvailable,KernelVm.PowerShell.Commands.NewVmMachineCommand'
    }

    It 'names the known kernel versions when given an unknown one' {
        $e = { New-VmMachine -KernelVersion 9.9.9 -ErrorAction Stop } | Should -Throw -PassThru
        $e.Exception.Message | Should -BeLikeExactly '*2.6.24*'
        $e.Exception.Message | Should -BeLikeExactly '*9.9.9*'
    }

    It 'trims RAM beyond HIGHMEM4G with the kernel''s warning' {
        $m = New-VmMachine -MemorySize 8GB -WarningVariable warnings -WarningAction SilentlyContinue
        $m | Should -HaveCount 1
        [uint64]$m.UsableMemory | Should -Be ([uint64]4GB)
        $warnings.Message | Should -Contain 'Warning only 4GB will be used.'
    }
}

Describe 'Machine names' {
    It 'keeps a name unique in the session, and -WhatIf creates nothing' {
        $name = New-UniqueName
        $other = New-UniqueName
        $before = @(Get-VmMachine).Count
        $null = New-VmMachine -Name $name
        $e = { New-VmMachine -Name $name -ErrorAction Stop } |
            Should -Throw -ErrorId 'MachineNameTaken,KernelVm.PowerShell.Commands.NewVmMachineCommand' -PassThru
        $e.TargetObject | Should -BeExactly $name
        New-VmMachine -Name $other -WhatIf | Should -BeNullOrEmpty
        @(Get-VmMachine).Count | Should -Be ($before + 1)
    }

    It 'lets Get-VmMachine filter by wildcard and report a missing name' {
        $prefix = New-UniqueName
        $null = New-VmMachine -Name "$prefix-a1"
        $null = New-VmMachine -Name "$prefix-a2"
        $null = New-VmMachine -Name "$prefix-b"
        Get-VmMachine "$prefix-a*" | Should -HaveCount 2
        { Get-VmMachine "$prefix-nosuch" -ErrorAction Stop } |
            Should -Throw -ErrorId 'MachineNotFound,KernelVm.PowerShell.Commands.GetVmMachineCommand'
    }
}

Describe 'The 3G/1G layout of 2.6.24 (reference config R1)' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
    }

    It 'puts <Name> at <Start>' -ForEach @(
        @{ Name = 'direct map'; Start = [uint64]'0xC0000000' }
        @{ Name = 'vmalloc'; Start = [uint64]'0xF8800000' }
        @{ Name = 'pkmap'; Start = [uint64]'0xFF800000' }
        @{ Name = 'FIX_HOLE'; Start = [uint64]'0xFFFFF000' }
    ) {
        [uint64](Get-VmLayout -Machine $m | Where-Object Name -eq $Name).Start | Should -Be $Start
    }

    It 'ends lowmem at 896 MiB' {
        $m.MaxLowPfn | Should -Be 229376
        $m.HighMemory | Should -Be ([uint64]'0xF8000000')
    }

    It 'prints the boot lines a real 2.6.24 prints' {
        (Get-VmBootLog -Machine $m).Text | Should -Contain '896MB LOWMEM available.'
    }
}

Describe 'Zones and mem_map' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
    }

    It 'has ZONE_DMA below 16 MiB' {
        (Get-VmZone DMA -Machine $m).EndPfn | Should -Be 4096
    }

    It 'places mem_map at the bootmem goal, 0xC1000000' {
        [uint64](Get-VmNode -Machine $m).NodeMemMap | Should -Be ([uint64]'0xC1000000')
    }

    It 'finds the struct page of pfn 0x38000 at mem_map + 0x38000 * 32' {
        [uint64](Get-VmPage -Pfn 0x38000 -Machine $m).Page | Should -Be ([uint64]'0xC1000000' + 0x38000 * 32)
    }
}

Describe 'Page-table walks' {
    It 'indexes 0xC0100000 as pgd 768, pte 256 without PAE (W23)' {
        $m = New-VmMachine -CpuFeature PGE
        $walk = (Resolve-VmAddress 0xC0100000 -Machine $m).Walk
        $walk.Level | Should -Be @('pgd', 'pte')
        $walk.Index | Should -Be @(768, 256)
    }

    It 'indexes 0xC0100000 as pgd 3, pmd 0, pte 256 with PAE (W23)' {
        $m = New-VmMachine -Architecture X86Pae -CpuFeature PGE, NX
        (Resolve-VmAddress 0xC0100000 -Machine $m).Walk.Index | Should -Be @(3, 0, 256)
    }

    It 'reports virt_addr_valid() true for a vmalloc address in 2.6.24 (W21)' {
        $m = New-VmMachine -MemorySize 2GB
        Test-VmVirtAddrValid 0xF8800000 -Machine $m -Quiet | Should -Be $true
    }
}

Describe 'Configurations Kconfig forbids' {
    It 'refuses 3G_OPT with PAE' {
        { New-VmMachine -Architecture X86Pae -VmSplit 3G_OPT -ErrorAction Stop } | Should -Throw -ErrorId 'SplitNotAllowedWithPae*'
    }

    It 'refuses 3G_OPT with PAE as an invalid argument, naming the split, and creates nothing' {
        $before = @(Get-VmMachine).Count
        $e = { New-VmMachine -Architecture X86Pae -VmSplit 3G_OPT -ErrorAction Stop } |
            Should -Throw -ErrorId 'SplitNotAllowedWithPae,KernelVm.PowerShell.Commands.NewVmMachineCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        $e.TargetObject.ToString() | Should -BeExactly 'VMSPLIT_3G_OPT'
        @(Get-VmMachine).Count | Should -Be $before
    }
}
