# Grades Lab 1. A student runs `Invoke-Pester ./Lab.Tests.ps1`, which grades ./Lab.ps1; an instructor
# grades another file with a container: New-PesterContainer -Path ./Lab.Tests.ps1 -Data @{ Solution = './Solution.ps1' }
param(
    # The script that defines the lab's functions; a relative path is taken from this folder.
    [string] $Solution = 'Lab.ps1'
)

BeforeDiscovery {
    $splits = '3G', '3G_OPT', '2G', '2G_OPT', '1G' | ForEach-Object { @{ Split = $_ } }
    $memories = @(
        @{ Split = '3G'; Memory = '512MB' }
        @{ Split = '3G'; Memory = '2GB' }
        @{ Split = '2G_OPT'; Memory = '2GB' }
        @{ Split = '1G'; Memory = '4GB' }
    )
    $virtual = @(
        @{ Split = '3G'; Address = '0xC0100000' }
        @{ Split = '3G'; Address = '0xF7FFF000' }
        @{ Split = '2G'; Address = '0x80100000' }
        @{ Split = '2G_OPT'; Address = '0x78100000' }
        @{ Split = '1G'; Address = '0x40100000' }
    )
    $physical = $splits | ForEach-Object { @{ Split = $_.Split; Address = '0x00100000' } }
}

BeforeAll {
    # The module as this repository builds it, else the installed one.
    if (-not (Get-Module KernelVm)) {
        $built = Join-Path $PSScriptRoot '../../../out/KernelVm/KernelVm.psd1'
        if (Test-Path $built) { Import-Module $built } else { Import-Module KernelVm }
    }
    . $(if ([IO.Path]::IsPathRooted($Solution)) { $Solution } else { Join-Path $PSScriptRoot $Solution })

    # One 4 GiB machine per split; a unique suffix lets the lab run any number of times in a session.
    $tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $machines = @{}
    foreach ($split in '3G', '3G_OPT', '2G', '2G_OPT', '1G') {
        $machines[$split] = New-VmMachine -Name "lab1-$split-$tag" -VmSplit $split -MemorySize 4GB
    }
}

AfterAll {
    Remove-VmMachine "lab1-*-$tag"
}

Describe 'Lab 1: the address split' {
    Context 'PAGE_OFFSET' {
        It 'PAGE_OFFSET of VMSPLIT_<Split> is where the kernel starts' -ForEach $splits {
            Get-PageOffset $Split | Should -Be $machines[$Split].PageOffset -Because "CONFIG_VMSPLIT_$Split sets CONFIG_PAGE_OFFSET (arch/x86/Kconfig)"
        }

        It 'PAGE_OFFSET of VMSPLIT_<Split> is a positive number' -ForEach $splits {
            Get-PageOffset $Split | Should -BeGreaterThan 0 -Because "PAGE_OFFSET is an unsigned long, but PowerShell reads a literal such as 0xC0000000 as the Int32 -1073741824, which stays negative in arithmetic: write [uint64]'0xC0000000'"
        }
    }

    Context 'MAXMEM' {
        It 'MAXMEM of VMSPLIT_<Split> is the row of Mauerer''s Table 3-6' -ForEach $splits {
            $row = Get-VmSplitTable | Where-Object VmSplit -eq "VMSPLIT_$Split"
            Get-MaxMem $Split | Should -Be $row.MaxMem -Because 'MAXMEM = -__PAGE_OFFSET - __VMALLOC_RESERVE in 32-bit unsigned arithmetic (include/asm-x86/page_32.h): 4 GiB - PAGE_OFFSET - 128 MiB'
        }
    }

    Context 'high_memory' {
        It 'high_memory with <Memory> of RAM under VMSPLIT_<Split>' -ForEach $memories {
            $m = New-VmMachine -Name "lab1-ram-$tag" -VmSplit $Split -MemorySize $Memory -Force
            $expected = $m.HighMemory
            Remove-VmMachine $m.Name
            Get-HighMemory -VmSplit $Split -MemorySize ([uint64]$m.MemorySize) | Should -Be $expected -Because 'high_memory = __va(max_low_pfn << PAGE_SHIFT), where find_max_low_pfn() caps the RAM at MAXMEM (arch/x86/kernel/setup_32.c): RAM above it is highmem'
        }
    }

    Context '__pa and __va by hand' {
        It '__pa(<Address>) under VMSPLIT_<Split> is what ConvertTo-PhysicalAddress says' -ForEach $virtual {
            $expected = (ConvertTo-PhysicalAddress $Address -Machine $machines[$Split]).PhysicalAddress
            ConvertTo-Pa -VirtualAddress ([uint64]$Address) -VmSplit $Split | Should -Be $expected -Because '__pa(x) = x - PAGE_OFFSET (include/asm-x86/page_32.h): the direct map starts at physical 0'
        }

        It '__va(<Address>) under VMSPLIT_<Split> is what ConvertTo-VirtualAddress says' -ForEach $physical {
            $expected = (ConvertTo-VirtualAddress $Address -Machine $machines[$Split]).VirtualAddress
            ConvertTo-Va -PhysicalAddress ([uint64]$Address) -VmSplit $Split | Should -Be $expected -Because '__va(x) = x + PAGE_OFFSET (include/asm-x86/page_32.h): the kernel text at physical 1 MiB is at PAGE_OFFSET + 1 MiB'
        }
    }
}
