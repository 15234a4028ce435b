# The Should operators KernelVm registers with Pester: what they pass, and what their failure
# messages teach.
BeforeAll {
    . $PSScriptRoot/PesterHelpers.ps1
    # Imported while Pester is loaded, so that the operators are registered.
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force

    # The failure message of a Should that must fail.
    function Get-ShouldFailure([scriptblock] $Assertion) {
        try { & $Assertion; throw 'the assertion passed' } catch { $_.Exception.Message }
    }
}

Describe 'Should -BeAddress' {
    It 'reads hex literals as typed, in both the value and the expectation' {
        $m = New-VmMachine
        (__pa 0xC0100000 -Machine $m).VirtualAddress | Should -BeAddress 0xC0100000
        0x100000 | Should -BeAddress '0x100000'
        -1073741824 | Should -BeAddress 0xC0000000
        0x1000 | Should -Not -BeAddress 0x2000
    }

    It 'explains a sign-extended literal' {
        $va = [long]3222274048
        $message = Get-ShouldFailure { $va - 0xC0000000 | Should -BeAddress 0x100000 }
        $message | Should -BeLike '*address 0x00100000, but got 0x100100000*'
        $message | Should -BeLike '*exactly 2^32*Int32 -1073741824*sign-extends*'
    }

    It 'says when the value is not an address' {
        Get-ShouldFailure { 'zzz' | Should -BeAddress 0x1000 } | Should -BeLike "*got 'zzz', which is not an address*"
    }
}

Describe 'Should -HavePkmapCount' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
        $r = Invoke-Kmap 0x40000 -Machine $m
    }

    It 'reads the slot of a kmap result, now' {
        $r | Should -HavePkmapCount 2
        $null = Invoke-Kunmap 0x40000 -Machine $m
        $r | Should -HavePkmapCount 1
        Get-PkmapCount -Slot $r.Slot -Machine $m | Should -Not -HavePkmapCount 0
    }

    It 'teaches what count 1 means' {
        $message = Get-ShouldFailure { $r | Should -HavePkmapCount 0 }
        $message | Should -BeLike "*pkmap_count?$($r.Slot)? to be 0, but it is 1*mapped but unused*kunmap() dropped the last user and does not flush*TLB*flush_all_zero_pkmaps()*"
    }

    It 'says a lowmem page has no slot' {
        Get-ShouldFailure { Invoke-Kmap 0x100 -Machine $m | Should -HavePkmapCount 2 } | Should -BeLike '*lowmem page has a permanent address*'
    }
}

Describe 'Should -BeMappedAt' {
    It 'checks page_address() of a pfn or a page, and explains NULL and lowmem' {
        $m = New-VmMachine -MemorySize 2GB
        $r = Invoke-Kmap 0x40001 -Machine $m
        $r | Should -BeMappedAt $r.VirtualAddress
        Get-VmPage 0x100 -Machine $m | Should -BeMappedAt 0xC0100000
        Get-ShouldFailure { Get-VmPage 0x40005 -Machine $m | Should -BeMappedAt 0xFF801000 } |
            Should -BeLike '*page_address() returns NULL*no kmap*'
        Get-ShouldFailure { Get-VmPage 0x100 -Machine $m | Should -BeMappedAt 0xC0200000 } |
            Should -BeLike '*lowmem*__va(pfn << PAGE_SHIFT) = 0xC0100000*'
    }
}

Describe 'Should -BeInZone' {
    It 'names the zone and the spans of all zones' {
        $m = New-VmMachine -MemorySize 2GB
        0x40000 | Should -BeInZone HighMem -Because 'the kernel reads the session default machine for a bare pfn'
        Get-VmPage 0x100 -Machine $m | Should -BeInZone DMA
        $message = Get-ShouldFailure { Get-VmPage 0x37FFF -Machine $m | Should -BeInZone HighMem }
        $message | Should -BeLike '*in zone HighMem, but it is in Normal*HighMem 0x00038000-0x00080000*max_low_pfn*'
    }
}

Describe 'Should -BeFixmap' {
    It 'finds the fixmap of an address and says where the expected one is' {
        $m = New-VmMachine -Config R2
        (Get-Fixmap FIX_APIC_BASE -Machine $m).VirtualAddress | Should -BeFixmap FIX_APIC_BASE
        Get-Fixmap -Index 3 -Machine $m | Should -BeFixmap 3
        $message = Get-ShouldFailure { (Get-Fixmap FIX_IO_APIC_BASE_0 -Machine $m) | Should -BeFixmap FIX_APIC_BASE }
        $message | Should -BeLike '*but it is fix_to_virt(*) = FIX_IO_APIC_BASE_0 (FIX_APIC_BASE is fix_to_virt(*) = 0x*'
        Get-ShouldFailure { 0xC0000000 | Should -BeFixmap FIX_APIC_BASE } | Should -BeLike '*not a fixmap address*'
    }

    It 'fails, with its own message, on a value that is not an address or pfn' {
        Get-ShouldFailure { 'zzz' | Should -BeFixmap FIX_APIC_BASE } | Should -BeLike "*a virtual address, but got 'zzz'*"
        Get-ShouldFailure { 'zzz' | Should -BeMappedAt 0xFF801000 } | Should -BeLike "*a page frame number, but got 'zzz'*"
        Get-ShouldFailure { 'zzz' | Should -BeInZone HighMem } | Should -BeLike "*a page frame number, but got 'zzz'*"
    }
}

Describe 'Without Pester' {
    It 'the module loads and registers nothing' {
        $output = Invoke-InFreshRunspace '(Get-Module KernelVm).NestedModules.Name; [bool](Get-Module Pester)'
        $output | Should -Be @('KernelVm.ShouldOperators', $false)
    }
}
