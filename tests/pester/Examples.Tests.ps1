# Every script in examples/ runs in its own pwsh, as a user runs it, twice in one session; its
# output says what its comments promise. The labs in examples/labs are graded by Labs.Tests.ps1.

BeforeDiscovery {
    $examples = Get-ChildItem (Join-Path $PSScriptRoot '../../examples') -Filter '*.ps1' |
        ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'PesterHelpers.ps1')
}

Describe 'examples/<Name>' -Tag Examples -ForEach $examples {
    BeforeAll {
        $run = Invoke-ChildPowerShell "`$ErrorActionPreference = 'Stop'; & '$Path'; & '$Path'"
    }

    It 'runs twice in one session without an error' {
        $run.Text | Should -Not -Match 'Exception|Line \|'
        $run.ExitCode | Should -Be 0
    }
}

Describe 'examples/tour.ps1 says what its comments say' -Tag Examples {
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

Describe 'The experiment examples say what their comments say' -Tag Examples {
    BeforeAll {
        $examples = Join-Path $PSScriptRoot '../../examples'
        $fork = (Invoke-ChildPowerShell "& '$examples/fork-and-compare.ps1'").Text
        $versions = (Invoke-ChildPowerShell "& '$examples/kernel-versions.ps1'").Text
        $fixmaps = (Invoke-ChildPowerShell "& '$examples/fixmap-tour.ps1'").Text
        $splits = (Invoke-ChildPowerShell "& '$examples/five-splits.ps1'").Text
        $experiment = (Invoke-ChildPowerShell "& '$examples/pkmap-experiment.ps1'").Text
    }

    It 'pkmap-experiment: the workload ends in the kmap deadlock, the reload is exact, the files are written' {
        $experiment | Should -Match 'result Deadlock, 1024 slots in use, 8 tasks asleep'
        $experiment | Should -Match 'Tasks, Wakeups'
        $experiment | Should -Match 'Differences after save and reload: 0'
        $experiment | Should -Match 'pkmap-lab\.json'
        $experiment | Should -Match 'pkmap-lab\.svg'
        $experiment | Should -Match 'pressure\.csv'
    }

    It 'five-splits: lowmem grows with the kernel share; 1G/3G moves only the user end and the direct map' {
        $splits | Should -Match '3G\s+0xC0000000\s+896\s+3200\s+112'
        $splits | Should -Match '2G_OPT\s+0x78000000\s+2048\s+2048\s+112'
        $splits | Should -Match '1G\s+0x40000000\s+2944\s+1152\s+112'
        $splits | Should -Match 'user\s+Last\s+0xBFFFFFFF 0x3FFFFFFF'
        $splits | Should -Match 'direct map Start 0xC0000000 0x40000000'
    }

    It 'fork-and-compare: a fork and a reload are the same machine; kunmap leaves the slots stale' {
        $fork | Should -Match 'Differences right after the fork: 0'
        $fork | Should -Match 'Differences after save and reload: 0'
        $fork | Should -Match 'Pkmap slot 1 State\s+InUse Stale'
        $fork | Should -Match 'Tasks task writer Name\s+Added\s+writer'
    }

    It 'kernel-versions: 2.4.22 puts the pkmaps at 0xFE000000; 6.x dropped FIX_VDSO and the ACPI pages' {
        $versions | Should -Match '2\.4\.22\s+0xC0000000 0xF8000000 0xF8800000\s+0xFE000000'
        $versions | Should -Match '2\.6\.24\s+0xC0000000 0xF8000000 0xF8800000\s+0xFF800000'
        $versions | Should -Match 'FIX_KMAP_BEGIN Index\s+9\s+69'
        $versions | Should -Match 'FIX_VDSO\s+Removed'
    }

    It 'fixmap-tour: 104 kmap_atomic slots; the APIC mapped uncached (PCD) and walked to 0xFEE00000' {
        $fixmaps | Should -Match '(?m)^\s*104\s*$'
        $fixmaps | Should -Match 'FIX_APIC_BASE\s+Pte\s+0x00000000 0xFEE00173'
        $fixmaps | Should -Match 'PhysicalAddress : 0xFEE00000'
    }
}
