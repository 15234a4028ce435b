# Every script in examples/ runs in its own pwsh, as a user runs it, twice in one session; its
# output says what its comments promise. The labs in examples/labs are graded by Labs.Tests.ps1.

BeforeDiscovery {
    $examples = Get-ChildItem (Join-Path $PSScriptRoot '../../examples') -Filter '*.ps1' |
        ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'PesterHelpers.ps1')
}

Describe 'examples/<Name>' -ForEach $examples {
    BeforeAll {
        $run = Invoke-ChildPowerShell "`$ErrorActionPreference = 'Stop'; & '$Path'; & '$Path'"
    }

    It 'runs twice in one session without an error' {
        $run.Text | Should -Not -Match 'Exception|Line \|'
        $run.ExitCode | Should -Be 0
    }
}

Describe 'examples/tour.ps1 says what its comments say' {
    BeforeAll {
        $tour = (Invoke-ChildPowerShell "& '$PSScriptRoot/../../examples/tour.ps1'").Text
    }

    It 'finds the kernel text at physical 1 MiB (step 2)' {
        $tour | Should -Match '0xC0100000\s+0x00100000\s+0x00100\s+tour'
    }

    It 'keeps only addresses above 0xC4000000 (step 4)' {
        $tour | Should -Match '0xC8000000\s+0x08000000'
        $tour | Should -Match '0xF7000000\s+0x37000000'
    }

    It 'shows the five splits with their PAGE_OFFSET (step 5)' {
        $tour | Should -Match 'split-1G\s+X86\s+2\.6\.24\s+VMSPLIT_1G\s+4 GiB 0x40000000'
        $tour | Should -Match 'split-3G_OPT\s+X86\s+2\.6\.24\s+VMSPLIT_3G_OPT\s+4 GiB 0xB0000000'
    }

    It 'maps three highmem pages in slots 1, 2, 3 with count 2 (step 10)' {
        foreach ($slot in 1..3) {
            $tour | Should -Match ("task0 0x4000{0} NewSlot 0xFF80{1}000\s+{1}\s+2" -f ($slot - 1), $slot)
        }
    }

    It 'leaves slot 1 Stale after the kunmap (step 11)' {
        $tour | Should -Match '1\s+0xFF801000\s+1\s+Stale\s+0\s+0x40000'
    }

    It 'maps kmap_atomic KM_USER0 of CPU 0 at its fixmap slot (step 12)' {
        $tour | Should -Match 'task0 0\s+KM_USER0 7\s+0x40005 0xFFFF8000'
    }

    It 'ends with the error id for a highmem __va (step 13)' {
        $tour | Should -Match 'Error id: HighmemHasNoPermanentMapping,KernelVm.PowerShell.Commands.ConvertToVirtualAddressCommand'
    }
}
