# Pester 5 tests for the direct map, as a lab instructor would write them.
# Run with build.ps1 -Task Test, or: Invoke-Pester ./tests/pester (after dotnet build).

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    # An error nobody expected fails the test; tests that expect errors say so with -ErrorAction.
    $ErrorActionPreference = 'Stop'

    . (Join-Path $PSScriptRoot 'PesterHelpers.ps1')
}

Describe 'ConvertTo-PhysicalAddress (__pa)' {
    BeforeAll {
        $m = New-VmMachine
    }

    It 'maps the kernel text at 0xC0100000 to 1 MiB' {
        (ConvertTo-PhysicalAddress 0xC0100000 -Machine $m).PhysicalAddress | Should -Be ([uint64]'0x100000')
    }

    It 'W1: __pa(0xC0100000) is 1 MiB, pfn 0x100, as an AddressTranslation that prints in hex' {
        $t = ConvertTo-PhysicalAddress 0xC0100000 -Machine $m
        $t | Should -HaveCount 1
        $t.pstypenames[0] | Should -BeExactly 'KernelVm.PowerShell.AddressTranslation'
        [uint64]$t.PhysicalAddress | Should -Be ([uint64]'0x100000')
        [uint64]$t.VirtualAddress | Should -Be ([uint64]'0xC0100000')
        [uint64]$t.Pfn | Should -Be ([uint64]'0x100')
        $t.PhysicalAddress.ToString() | Should -BeExactly '0x00100000'
        (ConvertTo-PhysicalAddress 0xC0100000 -Machine $m).PhysicalAddress -eq 0x100000 | Should -Be $true
    }

    It 'accepts <Typed>' -ForEach @(
        @{ Typed = '0xC0100000' }
        @{ Typed = 'c0100000' }
        @{ Typed = 'C010_0000' }
        @{ Typed = '3222274048' }
    ) {
        (ConvertTo-PhysicalAddress $Typed -Machine $m).Pfn | Should -Be 256
    }

    # Each value is typed at the prompt exactly as written here: a bare literal, a string, a cast, an expression.
    It 'reads ConvertTo-PhysicalAddress <Typed> as 1 MiB' -ForEach @(
        @{ Typed = "0xC0100000" }
        @{ Typed = "'0xC0100000'" }
        @{ Typed = "'c0100000'" }
        @{ Typed = "'C010_0000'" }
        @{ Typed = "([uint64]'0xC0100000')" }
        @{ Typed = "([long]3222274048)" }
        @{ Typed = "3222274048" }
        @{ Typed = "'3222274048'" }
        @{ Typed = "(3GB + 1MB)" }
        @{ Typed = "'3073MB'" }
        @{ Typed = "([double]3222274048)" }
        @{ Typed = "([uint32]'0xC0100000')" }
    ) {
        $t = & ([scriptblock]::Create("ConvertTo-PhysicalAddress $Typed -Machine `$m"))
        $t | Should -HaveCount 1
        [uint64]$t.PhysicalAddress | Should -Be ([uint64]'0x100000')
    }

    It 'refuses an address below PAGE_OFFSET with a stable error id' {
        { ConvertTo-PhysicalAddress 0x08048000 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'NotInDirectMap*'
    }

    It 'gives garbage AddressInvalid with the value as TargetObject' {
        $e = { ConvertTo-PhysicalAddress 'banana' -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'AddressInvalid,KernelVm.PowerShell.Commands.ConvertToPhysicalAddressCommand' -PassThru
        $e.Exception.Message | Should -BeLikeExactly "*'banana'*"
        $e.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        $e.TargetObject | Should -BeExactly 'banana'
    }

    It 'reports an address outside the direct map as a clear error and goes on with the pipeline' {
        $r = 0xC0100000, 0x08048000, 0xF8000000, 0xF7FFF000 |
            ConvertTo-PhysicalAddress -Machine $m -ErrorAction SilentlyContinue -ErrorVariable errs
        $r.ForEach({ [uint64]$_.PhysicalAddress }) | Should -Be @([uint64]'0x100000', [uint64]'0x37FFF000')
        $errs | Should -HaveCount 2
        $e = $errs[0]
        $e.FullyQualifiedErrorId | Should -BeExactly 'NotInDirectMap,KernelVm.PowerShell.Commands.ConvertToPhysicalAddressCommand'
        $e.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        $e.TargetObject | Should -BeOfType [uint64]
        $e.TargetObject | Should -Be ([uint64]'0x08048000')
        $e.Exception.Message | Should -BeLikeExactly '*0x08048000*'
        $errs[1].TargetObject | Should -BeOfType [uint64]
        $errs[1].TargetObject | Should -Be ([uint64]'0xF8000000')
    }

    It 'compares addresses with hex literals as typed' {
        # 0xF0000000 is the Int32 -268435456 in PowerShell; the comparison must still mean the address.
        $hits = 0xC0100000, 0xF7000000 | ConvertTo-PhysicalAddress -Machine $m | Where-Object VirtualAddress -gt 0xF0000000
        @($hits).Count | Should -Be 1
        [uint64]$hits.VirtualAddress | Should -Be ([uint64]'0xF7000000')
        (__pa 0xF7000000 -Machine $m).VirtualAddress -eq 0xF7000000 | Should -Be $true
        (__pa 0xC0100000 -Machine $m).PhysicalAddress -lt (__pa 0xF7000000 -Machine $m).PhysicalAddress | Should -Be $true
        [uint64]((__pa 0xC0100000 -Machine $m).VirtualAddress + 4096) | Should -Be ([uint64]'0xC0101000')
    }

    It 'stops with a clear error without a machine' {
        $e = Invoke-InFreshRunspace 'try { ConvertTo-PhysicalAddress 0xC0000000 -ErrorAction Stop } catch { $_ }'
        $e | Should -HaveCount 1
        $e.FullyQualifiedErrorId | Should -BeExactly 'NoMachine,KernelVm.PowerShell.Commands.ConvertToPhysicalAddressCommand'
        $e.Exception.Message | Should -BeLikeExactly '*New-VmMachine*'
    }
}

Describe 'ConvertTo-VirtualAddress (__va)' {
    BeforeAll {
        $m = New-VmMachine
    }

    It 'moves with the split: <Split> puts 1 MiB at <Expected>' -ForEach @(
        @{ Split = '3G'; Expected = [uint64]'0xC0100000' }
        @{ Split = '3G_OPT'; Expected = [uint64]'0xB0100000' }
        @{ Split = '2G'; Expected = [uint64]'0x80100000' }
        @{ Split = '2G_OPT'; Expected = [uint64]'0x78100000' }
        @{ Split = '1G'; Expected = [uint64]'0x40100000' }
    ) {
        $split = New-VmMachine -VmSplit $Split
        (ConvertTo-VirtualAddress 0x100000 -Machine $split).VirtualAddress | Should -Be $Expected
    }

    It 'maps 1 MiB to the kernel text and round-trips through the pipeline' {
        [uint64](ConvertTo-VirtualAddress 0x100000 -Machine $m).VirtualAddress | Should -Be ([uint64]'0xC0100000')
        $va = ConvertTo-PhysicalAddress 0xC0100000 -Machine $m | ConvertTo-VirtualAddress -Machine $m
        $va | Should -HaveCount 1
        [uint64]$va.VirtualAddress | Should -Be ([uint64]'0xC0100000')
        $pa = __va 0x100000 -Machine $m | __pa -Machine $m
        $pa | Should -HaveCount 1
        [uint64]$pa.PhysicalAddress | Should -Be ([uint64]'0x100000')
    }

    It 'points a highmem address to Invoke-Kmap' {
        $highmem = New-VmMachine -MemorySize 2GB
        $e = { ConvertTo-VirtualAddress 0x40000000 -Machine $highmem -ErrorAction Stop } |
            Should -Throw -ErrorId 'HighmemHasNoPermanentMapping,KernelVm.PowerShell.Commands.ConvertToVirtualAddressCommand' -PassThru
        $e.Exception.Message | Should -BeLikeExactly '*Invoke-Kmap*'
        $e.TargetObject | Should -BeOfType [uint64]
        $e.TargetObject | Should -Be ([uint64]'0x40000000')
    }

    It 'refuses a physical address beyond RAM' {
        { ConvertTo-VirtualAddress 0x40000000 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId 'PhysicalAddressBeyondRam,KernelVm.PowerShell.Commands.ConvertToVirtualAddressCommand'
    }

    It 'lets -Machine override the session default, the most recent machine' {
        $first = New-VmMachine
        $null = New-VmMachine -VmSplit 2G
        [uint64](ConvertTo-VirtualAddress 0x100000).VirtualAddress | Should -Be ([uint64]'0x80100000')
        [uint64](ConvertTo-VirtualAddress 0x100000 -Machine $first).VirtualAddress | Should -Be ([uint64]'0xC0100000')
        [uint64]($first | ConvertTo-VirtualAddress -PhysicalAddress 0x100000).VirtualAddress | Should -Be ([uint64]'0xC0100000')
        [uint64](0x100000 | ConvertTo-VirtualAddress).VirtualAddress | Should -Be ([uint64]'0x80100000')
        [uint64](ConvertTo-VirtualAddress 0x100000 -Machine $first | ConvertTo-PhysicalAddress).PhysicalAddress | Should -Be ([uint64]'0x00100000')
    }
}

Describe 'Addresses wider than 32 bits on i386' {
    BeforeAll {
        $m = New-VmMachine
    }

    It '<Command> refuses 0x100000000' -ForEach @(
        @{ Command = 'Resolve-VmAddress'; Class = 'ResolveVmAddressCommand' }
        @{ Command = 'Invoke-VmAccess'; Class = 'InvokeVmAccessCommand' }
        @{ Command = 'Test-VmVirtAddrValid'; Class = 'TestVmVirtAddrValidCommand' }
    ) {
        $e = { & $Command 0x100000000 -Machine $m -ErrorAction Stop } |
            Should -Throw -ErrorId "AddressBeyondArchitecture,KernelVm.PowerShell.Commands.$Class" -PassThru
        $e.TargetObject | Should -BeOfType [uint64]
        $e.TargetObject | Should -Be ([uint64]'0x100000000')
    }
}
