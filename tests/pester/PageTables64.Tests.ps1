# Pester 5: the x86-64 kernel page tables, walked with Resolve-VmAddress (crash's vtop) in every region,
# and set_fixmap()/clear_fixmap() writing the fixmap's PTEs. The numbers come from head_64.S and
# init_64.c (2.6.24) and head_64.S, init.c and init_64.c (6.17); PageTables64Tests.cs has the arithmetic.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    $ErrorActionPreference = 'Stop'
    $old = New-VmMachine -Architecture X86_64 -MemorySize 4GB
    $new = New-VmMachine -Architecture X86_64 -KernelVersion 6.x -MemorySize 4GB -CpuFeature PSE, PGE, NX
    $nx = [uint64]1 -shl 63
}

Describe 'The direct map' {
    It '2.6.24: 0xFFFF810012345678 is pgd 258, pud 0, pmd 0x91, a global 2 MiB page with NX' {
        $r = Resolve-VmAddress 0xFFFF810012345678 -Machine $old
        $r.RegionKind | Should -Be 'DirectMap'
        @($r.Walk | ForEach-Object { "$($_.Level)[$($_.Index)]" }) | Should -Be 'pgd[258]', 'pud[0]', 'pmd[145]'
        [uint64]$r.Walk[2].Value | Should -Be ([uint64]'0x122001E3' -bor $nx)
        $r.Walk[2].Flags | Should -Be 'PRESENT|RW|ACCESSED|DIRTY|PSE|GLOBAL|NX'
        $r.PhysicalAddress | Should -BeExactly (ConvertTo-PhysicalAddress 0xFFFF810012345678 -Machine $old).PhysicalAddress
    }

    It '6.x: 0xFFFF888012345678 is pgd 273, pud 0, pmd 0x91 without GBPAGES, and one 1 GiB page with them' {
        $r = Resolve-VmAddress 0xFFFF888012345678 -Machine $new
        @($r.Walk | ForEach-Object { "$($_.Level)[$($_.Index)]" }) | Should -Be 'pgd[273]', 'pud[0]', 'pmd[145]'
        $r.Walk[0].Flags | Should -Be 'PRESENT|RW|USER|ACCESSED|DIRTY'    # _PAGE_TABLE from p4d_populate()
        $gb = New-VmMachine -Architecture X86_64 -KernelVersion 6.x -MemorySize 4GB -CpuFeature PSE, PGE, NX, GBPAGES
        $walk = (Resolve-VmAddress 0xFFFF888012345678 -Machine $gb).Walk
        $walk | Should -HaveCount 2
        $walk[1].IsLeaf | Should -BeTrue
        [uint64]$walk[1].Value | Should -Be ([uint64]0x1E3 -bor $nx)
        Get-VmBootLog -Machine $gb | Where-Object Text -eq 'Using GB pages for direct mapping' | Should -HaveCount 1
    }

    It 'walks all four levels on 6.x without PSE' {
        $small = New-VmMachine -Architecture X86_64 -KernelVersion 6.x -MemorySize 1GB -CpuFeature PGE, NX
        $r = vtop 0xFFFF888012345678 -Machine $small
        @($r.Walk.Level) | Should -Be 'pgd', 'pud', 'pmd', 'pte'
        $r.Walk[3].Index | Should -Be 0x145
        [uint64]$r.Walk[3].Value | Should -Be ([uint64]'0x12345163' -bor $nx)
        [uint64]$r.PhysicalAddress | Should -Be ([uint64]'0x12345678')
    }

    It 'agrees with ConvertTo-PhysicalAddress and Test-VmVirtAddrValid' {
        foreach ($m in $old, $new) {
            foreach ($pa in 0, 0x1FF000, 0x40000000, 0xFFFFF000) {
                $va = (ConvertTo-VirtualAddress $pa -Machine $m).VirtualAddress
                $r = Resolve-VmAddress $va -Machine $m
                $r.Mapped | Should -BeTrue
                $r.PhysicalAddress | Should -BeExactly (ConvertTo-PhysicalAddress $va -Machine $m).PhysicalAddress
                (Test-VmVirtAddrValid $va -Machine $m).Valid | Should -BeTrue
            }
        }
    }
}

Describe 'The kernel text mapping' {
    It '2.6.24: pgd 511, pud 510 (level2_kernel_pgt), and 2 MiB pages of __PAGE_KERNEL_LARGE_EXEC | _PAGE_GLOBAL' {
        $r = Resolve-VmAddress 0xFFFFFFFF80200000 -Machine $old
        $r.RegionKind | Should -Be 'KernelText'
        @($r.Walk | ForEach-Object { "$($_.Level)[$($_.Index)]" }) | Should -Be 'pgd[511]', 'pud[510]', 'pmd[1]'
        [uint64]$r.Walk[2].Value | Should -Be ([uint64]'0x2001E3')
        [uint64]$r.PhysicalAddress | Should -Be ([uint64]'0x200000')
    }

    It '6.x: cleanup_highmap() leaves only the image mapped' {
        (vtop 0xFFFFFFFF81000000 -Machine $new).Mapped | Should -BeTrue
        (vtop 0xFFFFFFFF80000000 -Machine $new).Mapped | Should -BeFalse
    }
}

Describe 'The fixmap' {
    It 'has its PTE pages from head_64.S and no PTE until set_fixmap()' {
        $apic = Get-Fixmap FIX_APIC_BASE -Machine $new
        $r = Resolve-VmAddress $apic.VirtualAddress -Machine $new
        $r.RegionKind | Should -Be 'FixmapPermanent'
        @($r.Walk | ForEach-Object { "$($_.Level)[$($_.Index)]" }) | Should -Be 'pgd[511]', 'pud[511]', 'pmd[506]', 'pte[509]'
        $r.Walk[3].Present | Should -BeFalse
        $r.Mapped | Should -BeFalse
    }

    It 'set_fixmap_nocache() writes PAGE_KERNEL_IO_NOCACHE (PCD|PWT in 6.x), the walk ends there, clear_fixmap() clears it' {
        $m = New-VmMachine -Architecture X86_64 -KernelVersion 6.x
        $set = Set-Fixmap FIX_APIC_BASE 0xFEE00ABC -NoCache -PassThru -Machine $m
        [uint64]$set.Pte | Should -Be ([uint64]'0xFEE0017B' -bor $nx)
        $r = Resolve-VmAddress ([uint64]$set.VirtualAddress + 0x20) -Machine $m
        [uint64]$r.PhysicalAddress | Should -Be ([uint64]'0xFEE00020')
        $r.Walk[3].Flags | Should -Be 'PRESENT|RW|PWT|PCD|ACCESSED|DIRTY|GLOBAL|NX'
        (Get-VmEvent -Machine $m -Last 1).Detail | Should -Be 'flush_tlb_one_kernel'
        $cleared = Clear-Fixmap FIX_APIC_BASE -PassThru -Machine $m
        $cleared.Mapped | Should -BeFalse
        (Resolve-VmAddress $set.VirtualAddress -Machine $m).Mapped | Should -BeFalse
    }

    It '2.6.24: set_fixmap() on a vsyscall slot fills its PMD with a page from spp_getpage()' {
        $m = New-VmMachine -Architecture X86_64
        (Resolve-VmAddress 0xFFFFFFFFFF600000 -Machine $m).Walk[2].Present | Should -BeFalse
        Set-Fixmap VSYSCALL_FIRST_PAGE 0x345000 -Machine $m
        $r = Resolve-VmAddress 0xFFFFFFFFFF600000 -Machine $m
        @($r.Walk.Level) | Should -Be 'pgd', 'pud', 'pmd', 'pte'
        [uint64]$r.Walk[2].Value | Should -Be ([uint64]'0x1000067')
        [uint64]$r.PhysicalAddress | Should -Be ([uint64]'0x345000')
        (Get-VmEvent -Machine $m -Kind SetFixmap).Detail | Should -BeLike '*spp_getpage() page table at 0x01000000'
    }
}

Describe 'Addresses nothing maps' {
    It 'ends the walk at an empty entry' {
        foreach ($va in 0xFFFFC20000000000, 0x00007FFFFFFFF000, 0xFFFF810100000000) {
            $r = Resolve-VmAddress $va -Machine $old
            $r.Mapped | Should -BeFalse
            $r.Walk[-1].Present | Should -BeFalse
        }
    }

    It 'refuses a non-canonical address with AddressNotCanonical' {
        { Resolve-VmAddress 0x0000800000000000 -Machine $old } |
            Should -Throw -ErrorId 'AddressNotCanonical,KernelVm.PowerShell.Commands.ResolveVmAddressCommand'
        $r = Resolve-VmAddress 0x0000800000000000, 0xFFFF810000000000 -Machine $old -ErrorAction SilentlyContinue -ErrorVariable errs
        $r | Should -HaveCount 1
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        [uint64]$errs[0].TargetObject | Should -Be ([uint64]'0x0000800000000000')
        "$($errs[0])" | Should -BeLike '*not a canonical x86-64 address*#GP*'
    }
}
