# Pester 5: the machine model a lab can grade against (kernel-model.md §1, §2, §6, §7).

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
}

Describe 'The 3G/1G layout of 2.6.24 (reference config R1)' {
    BeforeAll {
        $m = New-VmMachine -Name pester-layout -MemorySize 2GB
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
        $m = New-VmMachine -Name pester-zones -MemorySize 2GB
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
        $m = New-VmMachine -Name pester-walk -CpuFeature PGE
        $walk = (Resolve-VmAddress 0xC0100000 -Machine $m).Walk
        $walk.Level | Should -Be @('pgd', 'pte')
        $walk.Index | Should -Be @(768, 256)
    }

    It 'indexes 0xC0100000 as pgd 3, pmd 0, pte 256 with PAE (W23)' {
        $m = New-VmMachine -Name pester-walk-pae -Architecture X86Pae -CpuFeature PGE, NX
        (Resolve-VmAddress 0xC0100000 -Machine $m).Walk.Index | Should -Be @(3, 0, 256)
    }

    It 'reports virt_addr_valid() true for a vmalloc address in 2.6.24 (W21)' {
        $m = New-VmMachine -Name pester-valid -MemorySize 2GB
        Test-VmVirtAddrValid 0xF8800000 -Machine $m | Should -BeTrue
    }
}

Describe 'Configurations Kconfig forbids' {
    It 'refuses 3G_OPT with PAE' {
        { New-VmMachine -Architecture X86Pae -VmSplit 3G_OPT -ErrorAction Stop } | Should -Throw -ErrorId 'SplitNotAllowedWithPae*'
    }
}
