# Every address-like property of every record behaves as the number a user means, with hex
# literals as PowerShell types them (0xC0100000 is the Int32 -1073741824... in 5.1 and 7) on either
# side of an operator, in Should, in -in/-contains, in arithmetic, casts, Measure-Object and CSV.

BeforeDiscovery {
    # Record, property, expected value (hex text), and the script that makes the record on a 2 GiB machine $m.
    $cases = @(
        @{ Record = 'AddressTranslation'; Property = 'VirtualAddress'; Hex = '0xC0100000'; Make = { ConvertTo-PhysicalAddress 0xC0100000 -Machine $m } }
        @{ Record = 'AddressTranslation'; Property = 'PhysicalAddress'; Hex = '0x00100000'; Make = { ConvertTo-PhysicalAddress 0xC0100000 -Machine $m } }
        @{ Record = 'AddressTranslation'; Property = 'Pfn'; Hex = '0x100'; Make = { ConvertTo-PhysicalAddress 0xC0100000 -Machine $m } }
        @{ Record = 'KmapResult'; Property = 'VirtualAddress'; Hex = '0xFF801000'; Make = { Invoke-Kmap 0x40000 -Machine $m } }
        @{ Record = 'KmapResult'; Property = 'Pfn'; Hex = '0x40000'; Make = { Invoke-Kmap 0x40000 -Machine $m } }
        @{ Record = 'KunmapResult'; Property = 'VirtualAddress'; Hex = '0xFF801000'; Make = { $null = Invoke-Kmap 0x40000 -Machine $m; Invoke-Kunmap 0x40000 -Machine $m } }
        @{ Record = 'PkmapSlotInfo'; Property = 'VirtualAddress'; Hex = '0xFF801000'; Make = { $null = Invoke-Kmap 0x40000 -Machine $m; Get-PkmapCount -Slot 1 -Machine $m } }
        @{ Record = 'PkmapSlotInfo'; Property = 'Page'; Hex = '0xC1800000'; Make = { $null = Invoke-Kmap 0x40000 -Machine $m; Get-PkmapCount -Slot 1 -Machine $m } }
        @{ Record = 'PageAddressInfo'; Property = 'VirtualAddress'; Hex = '0xFF801000'; Make = { $null = Invoke-Kmap 0x40000 -Machine $m; Get-PageAddress 0x40000 -Machine $m } }
        @{ Record = 'KmapAtomicResult'; Property = 'VirtualAddress'; Hex = '0xFFFF8000'; Make = { Invoke-KmapAtomic 0x40005 KM_USER0 -Machine $m } }
        @{ Record = 'VmPageInfo'; Property = 'Page'; Hex = '0xC1002000'; Make = { Get-VmPage -Pfn 0x100 -Machine $m } }
        @{ Record = 'VmPageInfo'; Property = 'VirtualAddress'; Hex = '0xC0100000'; Make = { Get-VmPage -Pfn 0x100 -Machine $m } }
        @{ Record = 'VmZoneInfo'; Property = 'EndPfn'; Hex = '0x38000'; Make = { Get-VmZone -Name Normal -Machine $m } }
        @{ Record = 'VmNodeInfo'; Property = 'EndPfn'; Hex = '0x80000'; Make = { Get-VmNode -Machine $m } }
        @{ Record = 'VmLayoutRegion'; Property = 'Start'; Hex = '0xFF800000'; Make = { Get-VmLayout -Machine $m | Where-Object Name -eq 'pkmap' } }
        @{ Record = 'VmLayoutRegion'; Property = 'Size'; Hex = '0x400000'; Make = { Get-VmLayout -Machine $m | Where-Object Name -eq 'pkmap' } }
        @{ Record = 'VmSplitRow'; Property = 'MaxMem'; Hex = '0x38000000'; Make = { Get-VmSplitTable | Where-Object VmSplit -eq 'VMSPLIT_3G' } }
        @{ Record = 'VmAddressResolution'; Property = 'PhysicalAddress'; Hex = '0x00100000'; Make = { Resolve-VmAddress 0xC0100000 -Machine $m } }
        @{ Record = 'FixmapInfo'; Property = 'PhysicalAddress'; Hex = '0xFED00000'; Make = { Set-Fixmap FIX_EARLYCON_MEM_BASE 0xFED00000 -Machine $m -PassThru } }
        @{ Record = 'VmTlbEntryInfo'; Property = 'VirtualAddress'; Hex = '0xFFFF8000'; Make = { $null = Invoke-KmapAtomic 0x40005 KM_USER0 -Touch -Machine $m; Get-VmTlb -Machine $m } }
        @{ Record = 'VmEventInfo'; Property = 'Address'; Hex = '0xFF801000'; Make = { $null = Invoke-Kmap 0x40000 -Machine $m; Get-VmEvent -Kind SlotChosen -Machine $m } }
        @{ Record = 'Machine'; Property = 'PageOffset'; Hex = '0xC0000000'; Make = { $m } }
        @{ Record = 'Machine'; Property = 'HighMemory'; Hex = '0xF8000000'; Make = { $m } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
}

Describe '<Record>.<Property> = <Hex>' -ForEach $cases {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
        $record = & $Make | Select-Object -First 1
        $value = $record.$Property
        $number = [uint64]$Hex
        # The literal as a user types it: an Int32 (negative from 0x80000000 on) or an Int64.
        $literal = Invoke-Expression $Hex
    }

    AfterAll {
        Remove-VmMachine -InputObject $m
    }

    It 'is an Address that prints in hex' {
        $value | Should -BeOfType ([KernelVm.PowerShell.Address])
        "$value" | Should -Match '^0x[0-9A-F]{8,}$'
    }

    It 'equals the hex literal and the decimal, in both operand orders' {
        ($value -eq $literal) | Should -BeTrue
        ($literal -eq $value) | Should -BeTrue
        ($value -eq $number) | Should -BeTrue
        ($number -eq $value) | Should -BeTrue
        ($value -ne ($number + 1)) | Should -BeTrue
    }

    It 'passes the Should forms a lab writes' {
        $value | Should -Be $literal
        $value | Should -BeExactly $literal
        $value | Should -Be $number
        $value | Should -BeIn @($literal, 1)
        $value | Should -BeGreaterThan ($number - 1)
        $value | Should -BeLessThan ($number + 1)
        $value | Should -BeGreaterOrEqual $literal
        $value | Should -BeLessOrEqual $literal
        @($value, $value) | Should -Be @($literal, $literal)
    }

    It 'is found by -in, -contains and a switch on its text' {
        ($value -in $literal, 1) | Should -BeTrue
        (@(1, $literal) -contains $value) | Should -BeTrue
        $matched = switch ($value) { { $_ -eq $literal } { 'yes' } default { 'no' } }
        $matched | Should -Be 'yes'
    }

    It 'orders against literals with the address on the left' {
        ($value -gt 0x10) | Should -BeTrue
        ($value -lt 0xFFFFFFFF) | Should -BeTrue
        ($value -ge $literal) | Should -BeTrue
        ($value -le $literal) | Should -BeTrue
    }

    It 'does arithmetic with literals in both orders, and with other addresses' {
        [uint64]($value + 0x1000) | Should -Be ($number + 4096)
        [uint64](0x1000 + $value) | Should -Be ($number + 4096)
        [uint64]($value - $value) | Should -Be 0
        [uint64]($value - 1) | Should -Be ($number - 1)
        [uint64]($value * 2) | Should -Be ($number * 2)
        [uint64]($value / 2) | Should -Be ([math]::Floor($number / 2))
        [uint64]($value % 0x1000) | Should -Be ($number % 4096)
    }

    It 'takes the bitwise operators and shifts' {
        [uint64]($value -band 0xFFFFF000) | Should -Be ($number -band [uint64]'0xFFFFF000')
        [uint64]($value -bor 0xFFF) | Should -Be ($number -bor 4095)
        [uint64]($value -bxor $value) | Should -Be 0
        [uint64]($value -shr 12) | Should -Be ($number -shr 12)
        [uint64]($value -shl 1) | Should -Be ($number * 2)
    }

    It 'casts to the integer types' {
        [uint64]$value | Should -Be $number
        [long]$value | Should -Be ([long]$number)
        [uint32]$value | Should -Be ([uint32]$number)
        [int]$value | Should -Be ([int]$literal)
        [double]$value | Should -Be ([double]$number)
    }

    It 'sums with Measure-Object' {
        (@($value, $value) | Measure-Object -Sum).Sum | Should -Be (2 * $number)
    }

    It 'exports to CSV as 0x text that compares again after Import-Csv' {
        $row = $record | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $row.$Property | Should -Be "$value"
        [uint64][KernelVm.PowerShell.Address]::Parse($row.$Property) | Should -Be $number
    }

    It 'writes its number to JSON' {
        ($value | ConvertTo-Json -Compress) | Should -Be ('{"Value":' + $number + '}')
    }
}

Describe 'A PAE physical address above 4 GiB' {
    BeforeAll {
        $m = New-VmMachine -Architecture X86Pae -MemorySize 8GB
        $page = Get-VmPage -Pfn 0x100000 -Machine $m
    }

    AfterAll { Remove-VmMachine -InputObject $m }

    It 'prints in as many digits as it needs and compares with an Int64 literal' {
        "$($page.PhysicalAddress)" | Should -Be '0x100000000'
        $page.PhysicalAddress | Should -Be 0x100000000
        (0x100000000 -eq $page.PhysicalAddress) | Should -BeTrue
    }

    It 'refuses a cast that would cut it' {
        { [int]$page.PhysicalAddress } | Should -Throw
        { [uint32]$page.PhysicalAddress } | Should -Throw
        (1 -eq $page.PhysicalAddress) | Should -BeFalse
    }
}

Describe 'Records do not shadow what PowerShell counts' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
    }

    AfterAll { Remove-VmMachine -InputObject $m }

    It 'has no record property named Count or Length' {
        $records = @(
            0x40002, 0x40003 | Invoke-Kmap -Machine $m
            Invoke-Kunmap 0x40002 -Machine $m
            Get-PkmapCount -InUse -Machine $m
            Get-VmPage -Pfn 1 -Machine $m
            Get-VmEvent -Last 1 -Machine $m
        )
        foreach ($record in $records) {
            $record.psobject.Properties.Name | Should -Not -Contain 'Count' -Because $record.GetType().Name
            $record.psobject.Properties.Name | Should -Not -Contain 'Length' -Because $record.GetType().Name
        }
        (0x40004, 0x40005 | Invoke-Kmap -Machine $m).Count | Should -Be 2
        (Get-PkmapCount -InUse -Machine $m).Count | Should -Be 4
    }

    It 'names its machine instead of holding it, so JSON stays small' {
        $json = Get-VmPage -Pfn (0..99) -Machine $m | ConvertTo-Json -WarningAction Stop
        $json.Length | Should -BeLessThan 60000
        (Get-VmPage -Pfn 0 -Machine $m).Machine | Should -BeExactly $m.Name
    }
}

Describe 'Test-VmVirtAddrValid says which input each answer is for' {
    BeforeAll { $m = New-VmMachine -MemorySize 1GB }
    AfterAll { Remove-VmMachine -InputObject $m }

    It 'writes the address with its answer, and the bare Boolean with -Quiet' {
        $answers = 0xC0100000, 0x1000 | Test-VmVirtAddrValid -Machine $m
        $answers.VirtualAddress | Should -Be @(0xC0100000, 0x1000)
        $answers.Valid | Should -Be @($true, $false)
        0xC0100000 | Test-VmVirtAddrValid -Machine $m -Quiet | Should -BeTrue
    }
}
