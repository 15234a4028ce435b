# Pester 5: a lab on fixmaps (kernel-model.md §4). The classic question: what does set_fixmap_nocache()
# change in the PTE? Answer: PAGE_KERNEL_NOCACHE = PAGE_KERNEL | _PAGE_PCD (PCD only, no PWT, in 2.6.24).

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    # An error nobody expected fails the test; tests that expect errors say so with -ErrorAction.
    $ErrorActionPreference = 'Stop'
    $m = New-VmMachine -Config R2
}

Describe 'set_fixmap_nocache' {
    BeforeAll {
        $apic = Set-Fixmap FIX_APIC_BASE 0xFEE00000 -NoCache -PassThru -Machine $m
    }

    It 'sets PCD' {
        $apic.Flags -split '\|' | Should -Contain 'PCD'
    }

    It 'does not set PWT' {
        $apic.Flags -split '\|' | Should -Not -Contain 'PWT'
    }

    It 'maps the APIC page at fix_to_virt(FIX_APIC_BASE)' {
        [uint64](Resolve-VmAddress $apic.VirtualAddress -Machine $m).PhysicalAddress | Should -Be ([uint64]'0xFEE00000')
    }

    It 'drops the page offset, writes PAGE_KERNEL_NOCACHE, walks, and clear_fixmap unmaps' {
        $r2 = New-VmMachine -Config R2
        $f = Set-Fixmap FIX_APIC_BASE 0xFEE00ABC -NoCache -PassThru -Machine $r2
        $f | Should -HaveCount 1
        [uint64]$f.PhysicalAddress | Should -Be ([uint64]'0xFEE00000')
        [uint64]$f.Pte | Should -Be ([uint64]'0xFEE00000' -bor 0x173)    # PAGE_KERNEL_NOCACHE with PGE: PCD only
        $f.Flags.ToString() | Should -BeLikeExactly '*PCD*'
        [uint64](Resolve-VmAddress 0xFFFFB123 -Machine $r2).PhysicalAddress | Should -Be ([uint64]'0xFEE00123')
        [uint64](Set-Fixmap -Index 5 -PhysicalAddress 0xFEC00000 -PassThru -Machine $r2).Pte | Should -Be ([uint64]'0xFEC00000' -bor 0x163)
        $cleared = Clear-Fixmap FIX_APIC_BASE -PassThru -Machine $r2
        $cleared | Should -HaveCount 1
        $cleared.Mapped | Should -Be $false
        (Resolve-VmAddress 0xFFFFB000 -Machine $r2).Mapped | Should -Be $false
        Get-Fixmap -Mapped -Machine $r2 | Should -HaveCount 1                 # only index 5 stays set
    }
}

Describe 'set_fixmap' {
    It 'leaves PCD clear' {
        $io = Set-Fixmap FIX_IO_APIC_BASE_0 0xFEC00000 -PassThru -Machine $m
        $io.Flags -split '\|' | Should -Not -Contain 'PCD'
    }

    It 'refuses an unknown name' {
        $r2 = New-VmMachine -Config R2
        { Set-Fixmap FIX_NOPE 0x1000 -Machine $r2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'FixmapNameNotFound,KernelVm.PowerShell.Commands.SetFixmapCommand'
    }
}

Describe 'The fixmap enum per config and kernel' {
    It '<Config> on <Kernel>: <Name> is index <Index> at <Address>' -ForEach @(
        @{ Config = 'R1'; Kernel = '2.6.24'; Name = 'FIX_KMAP_BEGIN'; Index = 4; Address = '0xFFFFB000' }
        @{ Config = 'R2'; Kernel = '2.6.24'; Name = 'FIX_KMAP_BEGIN'; Index = 69; Address = '0xFFFBA000' }
        @{ Config = 'R2'; Kernel = '2.6.24'; Name = 'FIX_WP_TEST'; Index = 194; Address = '0xFFF3D000' }
        @{ Config = 'R1'; Kernel = '2.4.22'; Name = 'FIX_KMAP_BEGIN'; Index = 0; Address = '0xFFFFE000' }
    ) {
        $machine = New-VmMachine -Config $Config -KernelVersion $Kernel
        $f = Get-Fixmap -Name $Name -Machine $machine
        $f | Should -HaveCount 1
        $f.Index | Should -Be $Index
        [uint64]$f.VirtualAddress | Should -Be ([uint64]$Address)
    }

    It 'selects with wildcards: 64 FIX_IO_APIC* slots and 16 boot-time FIX_BTMAP* slots in R2' {
        $r2 = New-VmMachine -Config R2
        Get-Fixmap FIX_IO_APIC* -Machine $r2 | Should -HaveCount 64
        Get-Fixmap -Machine $r2 | Where-Object BootTime | Where-Object Name -like 'FIX_BTMAP*' | Should -HaveCount 16
    }

    It 'skips the alignment padding in wildcards on 6.x PAE' {
        $modern = New-VmMachine -KernelVersion 6.x -Architecture X86Pae
        $all = Get-Fixmap -Name * -Machine $modern -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        $all.Where({ $_.Name.ToString().Contains('padding') }) | Should -BeNullOrEmpty
    }

    It 'lists the vsyscall and hardware slots on x86-64, and writes their PTEs in the fixmap tables' {
        $x64 = New-VmMachine -Architecture X86_64
        [uint64](Get-Fixmap VSYSCALL_FIRST_PAGE -Machine $x64).VirtualAddress | Should -Be ([uint64]'0xFFFFFFFFFF600000')
        [uint64](Get-Fixmap -Index 0 -Machine $x64).VirtualAddress | Should -Be ([uint64]'0xFFFFFFFFFFDFF000')
        # x86-64 PAGE_KERNEL_NOCACHE (2.6.24 pgtable_64.h): PCD, GLOBAL and NX
        [uint64](Set-Fixmap FIX_APIC_BASE 0xFEE00000 -NoCache -PassThru -Machine $x64).Pte | Should -Be ([uint64]'0x80000000FEE00173')
    }
}

Describe 'fix_to_virt' {
    It 'W7: fix_to_virt(3) is 0xFFFFC000 in 2.6.24 and 0xFFFFB000 in 2.4.22 with X86_LOCAL_APIC and ACPI' {
        $v26 = New-VmMachine
        [uint64](Get-Fixmap -Index 3 -Machine $v26).VirtualAddress | Should -Be ([uint64]'0xFFFFC000')
        $v24 = New-VmMachine -KernelVersion 2.4.22 -KernelOption X86_LOCAL_APIC, ACPI
        [uint64](Get-Fixmap -Index 3 -Machine $v24).VirtualAddress | Should -Be ([uint64]'0xFFFFB000')
    }

    It 'W10: an index past the end is __this_fixmap_does_not_exist(), and R1 has 34 fixmaps' {
        $r1 = New-VmMachine
        $e = { Get-Fixmap -Index 34 -Machine $r1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'FixmapDoesNotExist,KernelVm.PowerShell.Commands.GetFixmapCommand' -PassThru
        $e.Exception.Message | Should -BeLikeExactly '*__this_fixmap_does_not_exist*'
        Get-Fixmap -Machine $r1 | Should -HaveCount 34
    }

    It 'is a BUILD_BUG_ON for an index far past the end in 6.x' {
        $modern = New-VmMachine -KernelVersion 6.x
        $e = { Get-Fixmap -Index 100000 -Machine $modern -ErrorAction Stop } | Should -Throw -PassThru
        $e.Exception.Message | Should -BeLikeExactly '*BUILD_BUG_ON*'
    }
}

Describe 'virt_to_fix' {
    It 'BUGs on FIXADDR_TOP itself (W9)' {
        { Get-Fixmap -VirtualAddress 0xFFFFF000 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'VirtToFixOutOfRange*'
    }

    It 'W9: BUGs on FIXADDR_TOP in R1 and finds index 3 for 0xFFFFC123' {
        $r1 = New-VmMachine
        { Get-Fixmap -VirtualAddress 0xFFFFF000 -Machine $r1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'VirtToFixOutOfRange,KernelVm.PowerShell.Commands.GetFixmapCommand'
        (Get-Fixmap -VirtualAddress 0xFFFFC123 -Machine $r1).Index | Should -Be 3
    }
}

Describe 'kmap_atomic slots in the fixmap' {
    It 'shows a KM_USER0 slot as a mapped fixmap' {
        $highmem = New-VmMachine -MemorySize 2GB
        $null = Invoke-KmapAtomic 0x40005 KM_USER0 -Machine $highmem
        $f = Get-Fixmap -Mapped -Machine $highmem
        $f | Should -HaveCount 1
        $f.Name | Should -BeExactly 'FIX_KMAP_BEGIN+3'
        [uint64]$f.PhysicalAddress | Should -Be ([uint64]'0x40005000')
    }
}
