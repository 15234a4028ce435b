# Pester 5: a lab on fixmaps (kernel-model.md §4). The classic question: what does set_fixmap_nocache()
# change in the PTE? Answer: PAGE_KERNEL_NOCACHE = PAGE_KERNEL | _PAGE_PCD (PCD only, no PWT, in 2.6.24).

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    $m = New-VmMachine -Name lab-fixmap -Config R2
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
}

Describe 'set_fixmap' {
    It 'leaves PCD clear' {
        $io = Set-Fixmap FIX_IO_APIC_BASE_0 0xFEC00000 -PassThru -Machine $m
        $io.Flags -split '\|' | Should -Not -Contain 'PCD'
    }
}

Describe 'virt_to_fix' {
    It 'BUGs on FIXADDR_TOP itself (W9)' {
        { Get-Fixmap -VirtualAddress 0xFFFFF000 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'VirtToFixOutOfRange*'
    }
}
