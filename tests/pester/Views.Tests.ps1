# What a user reads: Format-List of every record, the layout table at common widths, and a machine
# in CSV. None of it may print a type name or cut a value short.

BeforeDiscovery {
    # Every record kind, made on the machine $m of 'Every record kind' (every pkmap slot in use, a
    # waiter woken by $unmap, a latecomer blocked), so that LastKmap and Woken hold kmap results;
    # $booted is its snapshot before all that.
    $records = @(
        @{ Record = 'AddressTranslation'; Make = { ConvertTo-PhysicalAddress 0xC0100000 -Machine $m } }
        @{ Record = 'FixmapInfo'; Make = { Get-Fixmap -Mapped -Machine $m } }
        @{ Record = 'KmapAtomicResult'; Make = { Invoke-KmapAtomic 0x40010 KM_USER1 -Machine $m } }
        @{ Record = 'KmapLocalResult'; Make = { Invoke-KmapLocal 0x40000 -Task viewer -Machine $m6 } }
        @{ Record = 'KunmapLocalResult'; Make = { Invoke-KunmapLocal 0xFFFFB000 -Task holder -Machine $m6 -WarningAction SilentlyContinue } }
        @{ Record = 'KmapLocalEntry'; Make = { (Get-VmTask holder -Machine $m6).KmapLocal } }
        @{ Record = 'KmapResult'; Make = { Invoke-Kmap 0x40001 -Task filler -Machine $m } }
        @{ Record = 'KunmapResult'; Make = { $unmap } }
        @{ Record = 'PageAddressInfo'; Make = { Get-PageAddress 0x40000 -Machine $m } }
        @{ Record = 'PkmapSlotInfo'; Make = { Get-PkmapCount -Slot 1 -Machine $m } }
        @{ Record = 'VirtAddrValidity'; Make = { Test-VmVirtAddrValid 0xC0100000 -Machine $m } }
        @{ Record = 'VmAccessResult'; Make = { Invoke-VmAccess 0xFF801000 -Machine $m } }
        @{ Record = 'VmAddressResolution'; Make = { Resolve-VmAddress 0xC0100000, 0xFF801000 -Machine $m } }
        @{ Record = 'VmEventInfo'; Make = { Get-VmEvent -Last 20 -Machine $m } }
        @{ Record = 'VmLayoutRegion'; Make = { Get-VmLayout -Machine $m } }
        @{ Record = 'VmNodeInfo'; Make = { Get-VmNode -Machine $m } }
        @{ Record = 'VmPageInfo'; Make = { Get-VmPage -Pfn 0x100, 0x40000 -Machine $m } }
        @{ Record = 'VmSplitRow'; Make = { Get-VmSplitTable } }
        @{ Record = 'VmTaskInfo'; Make = { Get-VmTask -Machine $m } }
        @{ Record = 'VmTlbEntryInfo'; Make = { Get-VmTlb -Machine $m } }
        @{ Record = 'VmWalkStep'; Make = { (Resolve-VmAddress 0xFF801000 -Machine $m).Walk } }
        @{ Record = 'VmWorkloadStep'; Make = {
                $w = New-VmMachine -Name views-workload -MemorySize 2GB -Force
                Invoke-VmWorkload -Machine $w -Count 20 -Mix @{ Kmap = 4; Kunmap = 3; KmapAtomic = 1; Access = 2 }
                Remove-VmMachine $w
            }
        }
        @{ Record = 'VmZoneInfo'; Make = { Get-VmZone -Machine $m } }
        @{ Record = 'VmExercise'; Make = { New-VmExercise -Topic Pkmap -Seed 3 -Difficulty Hard -IncludeAnswer } }
        @{ Record = 'VmExerciseInput'; Make = { (New-VmExercise -Topic KmapAtomic -Seed 2 -Difficulty Hard).Inputs } }
        @{ Record = 'VmExerciseMachine'; Make = { (New-VmExercise -Topic Split -Seed 1 -Difficulty Medium).Configuration } }
        @{ Record = 'VmExerciseResult'; Make = { New-VmExercise -Topic PageWalk -Seed 5 | Test-VmExercise -Answer 0x1000 } }
        @{ Record = 'Machine'; Make = { $m } }
        @{ Record = 'VmSnapshot'; Make = { Get-VmSnapshot -Machine $m } }
        @{ Record = 'VmSnapshotDifference'; Make = { Compare-VmSnapshot $booted (Get-VmSnapshot -Machine $m) } }
        @{ Record = 'PageAddressMapEntry'; Make = { (Get-VmSnapshot Hash -Machine $m).Hash } }
        @{ Record = 'VmBootLogLine'; Make = { Compare-VmBootLog (Join-Path $PSScriptRoot '../data/real-dmesg/m10-6.1.0-2-686-pae-i686-PAE-5GB-Toshiba.txt') -WarningAction SilentlyContinue } }
        @{ Record = 'PageTableEntryInfo'; Make = { (Get-VmSnapshot PageTables -Machine $m).PageTables } }
    )
    $widths = @(@{ Width = 80 }, @{ Width = 120 })
    $architectures = @(@{ Architecture = 'X86' }, @{ Architecture = 'X86Pae' }, @{ Architecture = 'X86_64' })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    $ErrorActionPreference = 'Stop'
    $typeName = '\b(KernelVm|System)\.[\w.`\[\]]+'
}

Describe 'Every record kind' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
        $booted = Get-VmSnapshot -Machine $m
        $null = 0..1023 | ForEach-Object { Invoke-Kmap (0x40000 + $_) -Task filler -Machine $m }
        $null = Invoke-Kmap 0x60000 -Task waiter -Machine $m -WarningAction SilentlyContinue
        $unmap = Invoke-Kunmap 0x40005 -Task filler -Machine $m
        $null = Invoke-Kmap 0x60001 -Task latecomer -Machine $m -WarningAction SilentlyContinue
        $null = Set-Fixmap FIX_EARLYCON_MEM_BASE 0xFED00000 -NoCache -Machine $m
        $null = Invoke-VmAccess 0xFF801000 -Machine $m
        # 6.x: a task holding kmap_local mappings, so that they print, and an unmap out of order, with its warning.
        $m6 = New-VmMachine -Name "views6-$([guid]::NewGuid().ToString('N').Substring(0, 8))" -KernelVersion 6.x -MemorySize 2GB
        $null = Invoke-KmapLocal 0x40001, 0x40002, 0x40003 -Task holder -Machine $m6
    }

    AfterAll {
        Remove-VmMachine -InputObject $m
        Remove-VmMachine -InputObject $m6
    }

    It 'prints <Record> without a type name in Format-List and in CSV' -ForEach $records {
        $made = @(& $Make)
        $made | Should -Not -BeNullOrEmpty
        $made[0].pstypenames[0] | Should -BeLike "*.$Record"
        $made | Format-List | Out-String -Width 300 | Should -Not -Match $typeName
        # One assertion over every cell: a Should per cell made thousands for a snapshot comparison.
        $cells = foreach ($row in $made | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv) {
            foreach ($column in $row.psobject.Properties) { "$Record.$($column.Name) = $($column.Value)" }
        }
        @($cells) -match "= .*$typeName" | Should -BeNullOrEmpty
    }

    It 'covers every record type' -ForEach @{ Names = $records.ForEach({ $_.Record }) } {
        $types = [KernelVm.PowerShell.KmapResult].Assembly.GetExportedTypes().Where({
            $_.Namespace -eq 'KernelVm.PowerShell' -and $_.IsClass -and -not $_.IsGenericType -and $_.GetConstructors().Count -eq 0
        })
        $types.Name.Where({ $_ -notin $Names }) | Should -BeNullOrEmpty
    }
}

Describe 'Get-VmLayout at <Width> columns' -ForEach $widths {
    It 'shows every <Architecture> description whole' -ForEach $architectures {
        $m = New-VmMachine -Architecture $Architecture -MemorySize 4GB
        $regions = Get-VmLayout -Machine $m
        $table = $regions | Out-String -Width $Width
        $table | Should -Not -Match '(?m)…|\.\.\.$'
        $lines = $table -split '\r?\n'
        # The description column starts at the last run of dashes; wrapped lines continue it.
        $rule = $lines.Where({ $_ -match '^-+ ' }, 'First')[0]
        $column = $rule.LastIndexOf(' ') + 1
        $text = -join $lines.Where({ $_.Length -gt $column }).ForEach({ $_.Substring($column) }) -replace '\s'
        foreach ($region in $regions) {
            $text.Contains(($region.Description -replace '\s')) | Should -BeTrue -Because $region.Name
        }
        Remove-VmMachine -InputObject $m
    }
}

Describe 'A machine in CSV' {
    BeforeAll {
        # README.md lists these: the machine's code properties (KernelVm.Types.ps1xml), then the
        # New-VmMachine parameters that are model properties.
        $columns = 'Machine', 'PageOffset', 'HighMemory', 'MaxMem', 'VmallocReserve', 'UsableMemory', 'MaxPfn', 'MaxLowPfn',
            'HighStartPfn', 'HighEndPfn', 'MemorySize', 'KernelVersion', 'Config', 'NrCpus', 'KernelOption', 'CpuFeature',
            'BootOption', 'NodeRange', 'E820', 'StructPageSize', 'KernelImageSize', 'EventLogCapacity', 'Name', 'Architecture', 'VmSplit', 'HighMem'
        $name = 'csv-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $m = New-VmMachine -Name $name -Config R2 -Architecture X86Pae -MemorySize 8GB -Node '0-4GB', '4GB-8GB' -KernelOption ACPI -CpuFeature PSE, NX -BootOption 'vmalloc=256M' -EventLogCapacity 100000
        $csv = $m | ConvertTo-Csv -NoTypeInformation
    }

    AfterAll {
        Remove-VmMachine $name
    }

    It 'has exactly the documented columns' {
        ($csv | ConvertFrom-Csv).psobject.Properties.Name | Should -Be $columns
        $csv -join "`n" | Should -Not -Match $typeName
    }

    It 'makes the same machine again from Import-Csv' {
        $path = Join-Path $TestDrive 'machine.csv'
        $m | Export-Csv $path
        Remove-VmMachine $name
        Import-Csv $path | New-VmMachine | ConvertTo-Csv -NoTypeInformation | Should -Be $csv
    }

    It 'still reaches the model by name' {
        $m.Pkmap.LastPkmapNr | Should -Be 0
        $m.Layout | Should -Not -BeNullOrEmpty
        ($m | Get-Member -View All -Name Events).Name | Should -Be 'Events'
    }
}
