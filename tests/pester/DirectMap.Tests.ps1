# Pester 5 tests for the direct map, as a lab instructor would write them.
# Run with build.ps1 -Task Test, or: Invoke-Pester ./tests/pester (after dotnet build).

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
}

Describe 'ConvertTo-PhysicalAddress (__pa)' {
    BeforeAll {
        $null = New-VmMachine
    }

    It 'maps the kernel text at 0xC0100000 to 1 MiB' {
        (ConvertTo-PhysicalAddress 0xC0100000).PhysicalAddress | Should -Be ([uint64]'0x100000')
    }

    It 'accepts <Typed>' -ForEach @(
        @{ Typed = '0xC0100000' }
        @{ Typed = 'c0100000' }
        @{ Typed = 'C010_0000' }
        @{ Typed = '3222274048' }
    ) {
        (ConvertTo-PhysicalAddress $Typed).Pfn | Should -Be 256
    }

    It 'refuses an address below PAGE_OFFSET with a stable error id' {
        { ConvertTo-PhysicalAddress 0x08048000 -ErrorAction Stop } | Should -Throw -ErrorId 'NotInDirectMap*'
    }

    It 'compares addresses with hex literals as typed' {
        $hits = 0xC0100000, 0xF7000000 | ConvertTo-PhysicalAddress | Where-Object VirtualAddress -gt 0xF0000000
        @($hits).Count | Should -Be 1
    }
}

Describe 'ConvertTo-VirtualAddress (__va)' {
    It 'moves with the split: <Split> puts 1 MiB at <Expected>' -ForEach @(
        @{ Split = '3G'; Expected = [uint64]'0xC0100000' }
        @{ Split = '3G_OPT'; Expected = [uint64]'0xB0100000' }
        @{ Split = '2G'; Expected = [uint64]'0x80100000' }
        @{ Split = '2G_OPT'; Expected = [uint64]'0x78100000' }
        @{ Split = '1G'; Expected = [uint64]'0x40100000' }
    ) {
        $m = New-VmMachine -Name "pester-$Split" -VmSplit $Split
        (ConvertTo-VirtualAddress 0x100000 -Machine $m).VirtualAddress | Should -Be $Expected
    }

    It 'points a highmem address to Invoke-Kmap' {
        $null = New-VmMachine -Name pester-highmem -MemorySize 2GB
        { ConvertTo-VirtualAddress 0x40000000 -ErrorAction Stop } | Should -Throw -ErrorId 'HighmemHasNoPermanentMapping*'
    }
}
