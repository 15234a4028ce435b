# Pester 5: New-VmMachine -E820, a real machine's BIOS memory map (issue 14).

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    $ErrorActionPreference = 'Stop'

    function New-UniqueName { 'e-' + [guid]::NewGuid().ToString('N').Substring(0, 8) }

    # 01-hardy-2.6.24-19-generic-1280MB.txt, in the short form.
    $script:Hardy = '0x0-0x9fbff usable', '0x9fc00-0x9ffff reserved', '0xe0000-0xfffff reserved', '0x100000-0x4ffaffff usable',
        '0x4ffb0000-0x4ffbdfff ACPI data', '0x4ffbe000-0x4ffeffff ACPI NVS', '0x4fff0000-0x4fffffff reserved', '0xffb80000-0xffffffff reserved'
}

Describe 'New-VmMachine -E820' {
    It 'takes the map as text: MemorySize is the usable total and max_pfn the end of the last usable range' {
        $m = New-VmMachine -Name (New-UniqueName) -E820 $script:Hardy -Config R2 -NrCpus 2
        [uint64]$m.MemorySize | Should -Be ([uint64]'0x4FF4FC00')
        [uint64]$m.MaxPfn | Should -Be 327600
        $log = (Get-VmBootLog -Machine $m).Text
        $log | Should -Contain ' BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)'
        $log | Should -Contain ' BIOS-e820: 000000004ffbe000 - 000000004fff0000 (ACPI NVS)'
        $log | Should -Contain 'Built 1 zonelists in Zone order, mobility grouping on.  Total pages: 325041'
        $log | Should -Contain 'mapped APIC to ffffb000 (fee00000)'
    }

    It 'reads pasted dmesg lines of 6.x, with timestamps, as one text' {
        $text = @'
[    0.000000] BIOS-provided physical RAM map:
[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable
[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved
[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x000000007ffdffff] usable
'@
        $m = New-VmMachine -Name (New-UniqueName) -E820 $text -KernelVersion 6.x -Architecture X86_64
        $log = (Get-VmBootLog -Machine $m).Text
        $log | Should -Contain 'BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved'
        $log | Should -Contain 'e820: update [mem 0x00000000-0x00000fff] usable ==> reserved'
        $log | Should -Contain '  node   0: [mem 0x0000000000001000-0x000000000009efff]'
        $log | Should -Contain 'On node 0, zone DMA32: 32 pages in unavailable ranges'
    }

    It 'reads 2.x dmesg lines, whose end is the first byte after the range' {
        $m = New-VmMachine -Name (New-UniqueName) -KernelVersion 2.4.22 -E820 ' BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)',
            ' BIOS-e820: 0000000000100000 - 000000003ffec000 (usable)', ' BIOS-e820: 000000003ffec000 - 000000003ffef000 (ACPI data)'
        [uint64]$m.MaxPfn | Should -Be 262124
        (Get-VmBootLog -Machine $m).Text | Should -Contain 'zone(2): 32748 pages.'
    }

    It 'takes E820Entry objects and hash tables' {
        $entries = [KernelVm.Physical.E820Entry]::new(0, 0x9fc00, 'Ram'), @{ Start = 1MB; Size = 63MB; Type = 'usable' }
        $m = New-VmMachine -Name (New-UniqueName) -E820 $entries
        [uint64]$m.MaxPfn | Should -Be 16384
    }

    It 'warns when -MemorySize disagrees with the map, and goes by the map' {
        $m = New-VmMachine -Name (New-UniqueName) -E820 $script:Hardy -MemorySize 2GB -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -BeLike '*-MemorySize*ignored*'
        [uint64]$m.MemorySize | Should -Be ([uint64]'0x4FF4FC00')
    }

    It 'exports the map as E820, which a CSV brings back' {
        $name = New-UniqueName
        $m = New-VmMachine -Name $name -E820 $script:Hardy
        $path = Join-Path $TestDrive 'machines.csv'
        $m | Export-Csv -Path $path -NoTypeInformation
        $copy = Import-Csv $path | New-VmMachine -Name (New-UniqueName) -WarningAction Stop
        $copy.E820 | Should -BeExactly $m.E820
        $copy.E820 | Should -BeLike '0x0-0x9fbff usable,0x9fc00-0x9ffff reserved,*'
    }

    It 'saves the map in the machine file and reads it back' {
        $m = New-VmMachine -Name (New-UniqueName) -E820 $script:Hardy
        $path = Join-Path $TestDrive 'hardy.json'
        Export-VmMachine -Machine $m -Path $path
        $back = Import-VmMachine -Path $path -Name (New-UniqueName)
        $back.E820 | Should -BeExactly $m.E820
        [uint64]$back.MaxPfn | Should -Be 327600
    }

    It 'means no map for an empty cell' {
        $m = New-VmMachine -Name (New-UniqueName) -E820 '' -MemorySize 512MB
        $m.E820 | Should -BeExactly ''
        [uint64]$m.MemorySize | Should -Be ([uint64]512MB)
    }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'text that is no entry'; Map = 'hello'; ErrorId = 'E820EntryUnreadable' }
        @{ Case = 'an unknown type'; Map = '0x0-0x3ffffff dusty'; ErrorId = 'E820EntryUnreadable' }
        @{ Case = 'an end before the start'; Map = '0x4000000-0x0 usable'; ErrorId = 'E820EntryUnreadable' }
        @{ Case = 'overlapping entries'; Map = '0x0-0x3ffffff usable', '0x3000000-0x4ffffff reserved'; ErrorId = 'E820EntriesOverlap' }
        @{ Case = 'an entry without size'; Map = '0x0-0x3ffffff usable', @{ Start = 0x8000000; Size = 0; Type = 'reserved' }; ErrorId = 'E820EntryEmpty' }
        @{ Case = 'an entry past 2^64'; Map = '0x0-0x3ffffff usable', @{ Start = '0xFFFFFFFFFFFFF000'; Size = 0x2000; Type = 'reserved' }; ErrorId = 'E820EntryBeyondAddressSpace' }
        @{ Case = 'a map without usable RAM'; Map = '0x0-0x3ffffff reserved'; ErrorId = 'E820NoUsableRam' }
        @{ Case = 'a map with too little RAM'; Map = '0x0-0x9fbff usable', '0x100000-0xffffff usable'; ErrorId = 'MemorySizeInvalid' }
    ) {
        $name = New-UniqueName
        { New-VmMachine -Name $name -E820 $Map } | Should -Throw -ErrorId "$ErrorId,KernelVm.PowerShell.Commands.NewVmMachineCommand"
        Get-VmMachine -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'names the entry it could not read' {
        $e = { New-VmMachine -Name (New-UniqueName) -E820 '0x0-0x3ffffff usable', 'oops' } | Should -Throw -PassThru
        $e.TargetObject | Should -BeExactly 'oops'
        $e.Exception.Message | Should -BeLike "*'0x100000-0x4ffaffff usable'*"
    }
}

Describe 'New-VmMachine -StructPageSize and the memory boot options' {
    It 'sizes mem_map with -StructPageSize and exports it' {
        $m = New-VmMachine -Name (New-UniqueName) -E820 $script:Hardy -StructPageSize 56
        $m.StructPageSize | Should -Be 56
        (Get-VmBootLog -Machine $m).Text | Should -Contain '  HighMem zone: 1342 pages used for memmap'
    }

    It 'refuses a struct page size that is no multiple of 4 from 16 to 128 with ConfigValueInvalid' {
        { New-VmMachine -Name (New-UniqueName) -StructPageSize 30 } | Should -Throw -ErrorId 'ConfigValueInvalid,KernelVm.PowerShell.Commands.NewVmMachineCommand'
    }

    It 'cuts the map at mem= and prints the user-defined map' {
        $m = New-VmMachine -Name (New-UniqueName) -E820 $script:Hardy -BootOption 'mem=512M'
        [uint64]$m.MaxPfn | Should -Be ([uint64]'0x20000')
        (Get-VmBootLog -Machine $m).Text | Should -Contain ' user: 0000000000100000 - 0000000020000000 (usable)'
        $m.BootOption | Should -BeExactly 'mem=512M'
    }

    It 'makes ZONE_MOVABLE with kernelcore=' {
        $m = New-VmMachine -Name (New-UniqueName) -BootOption 'kernelcore=960M'
        (Get-VmZone -Machine $m | Where-Object Name -EQ 'Movable').PresentPages | Should -Be 16256
    }
}
