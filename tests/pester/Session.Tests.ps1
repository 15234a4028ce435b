# The session's machines: created, chosen, replaced, removed and forgotten, so that a lab can run
# any number of times in one session and memory comes back.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    function New-Name { 'session-' + [guid]::NewGuid().ToString('N').Substring(0, 8) }
}

Describe 'Remove-VmMachine' {
    It 'removes by name and frees the name' {
        $name = New-Name
        $null = New-VmMachine -Name $name
        Remove-VmMachine $name
        Get-VmMachine -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { New-VmMachine -Name $name -ErrorAction Stop } | Should -Not -Throw
        Remove-VmMachine $name
    }

    It 'removes by wildcard, by object and from the pipeline' {
        $prefix = New-Name
        $machines = 1..3 | ForEach-Object { New-VmMachine -Name "$prefix-$_" }
        Remove-VmMachine -InputObject $machines[0]
        Get-VmMachine "$prefix-2" | Remove-VmMachine
        Remove-VmMachine "$prefix-*"
        Get-VmMachine "$prefix-*" | Should -BeNullOrEmpty
    }

    It 'reports a missing name with MachineNotFound and the name as target' {
        $e = { Remove-VmMachine 'no-such-machine' -ErrorAction Stop } | Should -Throw -ErrorId 'MachineNotFound,KernelVm.PowerShell.Commands.RemoveVmMachineCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e.TargetObject | Should -Be 'no-such-machine'
        { Remove-VmMachine 'no-such-*' -ErrorAction Stop } | Should -Not -Throw
    }

    It 'changes nothing under -WhatIf' {
        $name = New-Name
        $null = New-VmMachine -Name $name
        Remove-VmMachine $name -WhatIf
        Get-VmMachine $name | Should -Not -BeNullOrEmpty
        Remove-VmMachine $name
    }

    It 'makes the previous machine the default again' {
        $first = New-VmMachine -Name (New-Name)
        $second = New-VmMachine -Name (New-Name)
        Remove-VmMachine -InputObject $second
        (Get-VmZone -Name DMA).Machine | Should -BeExactly $first.Name
        Remove-VmMachine -InputObject $first
    }

    It 'gives the memory back' {
        $prefix = New-Name
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $base = [GC]::GetTotalMemory($true)
        1..200 | ForEach-Object { $null = New-VmMachine -Name "$prefix-$_" -MemorySize 4GB -Architecture X86Pae }
        $held = [GC]::GetTotalMemory($true) - $base
        Remove-VmMachine "$prefix-*"
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $left = [GC]::GetTotalMemory($true) - $base
        $held | Should -BeGreaterThan 1MB -Because '200 machines hold their event logs and tables'
        $left | Should -BeLessThan ($held / 4) -Because 'removed machines are garbage'
    }
}

Describe 'New-VmMachine -Force and Use-VmMachine' {
    It 'replaces a machine of the same name with -Force, and refuses without it' {
        $name = New-Name
        $old = New-VmMachine -Name $name -MemorySize 1GB
        $e = { New-VmMachine -Name $name -ErrorAction Stop } | Should -Throw -ErrorId 'MachineNameTaken*' -PassThru
        $e.Exception.Message | Should -Match 'Force'
        $new = New-VmMachine -Name $name -MemorySize 2GB -Force
        (Get-VmMachine $name).MemorySize | Should -Be 2GB
        { Remove-VmMachine -InputObject $old -ErrorAction Stop } | Should -Throw -ErrorId 'MachineNotFound*'
        Remove-VmMachine -InputObject $new
    }

    It 'makes a machine the default, by name or object' {
        $a = New-VmMachine -Name (New-Name)
        $b = New-VmMachine -Name (New-Name)
        Use-VmMachine $a.Name
        (Get-VmZone -Name DMA).Machine | Should -BeExactly $a.Name
        ($b | Use-VmMachine -PassThru).Name | Should -BeExactly $b.Name
        (Get-VmZone -Name DMA).Machine | Should -BeExactly $b.Name
        # A record, or a CSV row, names its machine by its Machine property.
        (Get-VmZone -Name DMA -Machine $a | Use-VmMachine -PassThru).Name | Should -BeExactly $a.Name
        (Get-VmZone -Name DMA -Machine $b | ConvertTo-Csv | ConvertFrom-Csv | Use-VmMachine -PassThru).Name | Should -BeExactly $b.Name
        Remove-VmMachine -InputObject $a, $b
    }

    It 'completes machine names from the session' {
        $name = New-Name
        $null = New-VmMachine -Name $name
        $line = "Get-VmZone -Machine $($name.Substring(0, 12))"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain $name
        Remove-VmMachine $name
    }
}

Describe 'Import-Module starts the session afresh' {
    It 'forgets the machines of the earlier import' {
        $null = New-VmMachine -Name (New-Name)
        Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
        Get-VmMachine | Should -BeNullOrEmpty
    }
}

Describe 'Machines round-trip through CSV' {
    It 'makes the same machines again from Export-Csv and Import-Csv' {
        $prefix = New-Name
        $made = @(
            New-VmMachine -Name "$prefix-a"
            New-VmMachine -Name "$prefix-b" -Config R2 -Architecture X86Pae -MemorySize 8GB -BootOption 'vmalloc=256M'
            New-VmMachine -Name "$prefix-c" -Architecture X86Pae -MemorySize 4GB -Node '0-2GB', '2GB-4GB' -KernelOption ACPI, DEBUG_HIGHMEM -CpuFeature PSE, NX
            New-VmMachine -Name "$prefix-d" -KernelVersion 2.4.22 -Architecture X86Pae -MemorySize 6GB -ErrorAction Stop
            New-VmMachine -Name "$prefix-e" -Architecture X86_64 -MemorySize 4GB
            New-VmMachine -Name "$prefix-f" -KernelVersion 6.x -MemorySize 2GB -BootOption 'reservetop=16M vmalloc=200M' -EventLogCapacity 100000
        )
        $csv = Join-Path $TestDrive 'machines.csv'
        $properties = 'Name', 'Architecture', 'KernelVersion', 'VmSplit', 'HighMem', 'MemorySize', 'UsableMemory', 'PageOffset',
            'HighMemory', 'MaxLowPfn', 'MaxPfn', 'Config', 'NrCpus', 'KernelOption', 'CpuFeature', 'BootOption', 'NodeRange', 'KernelImageSize',
            'EventLogCapacity'
        $before = $made | Select-Object $properties
        $made | Export-Csv $csv
        Remove-VmMachine "$prefix-*"
        $after = Import-Csv $csv | New-VmMachine | Select-Object $properties
        Compare-Object $before $after -Property $properties | Should -BeNullOrEmpty
        $after.Count | Should -Be 6
        Remove-VmMachine "$prefix-*"
    }
}

Describe 'Stop-VmTask' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
        $null = 0x40000..0x403FF | Invoke-Kmap -Machine $m
        $null = Invoke-Kmap 0x40400 -Machine $m -WarningAction SilentlyContinue
    }

    AfterAll { Remove-VmMachine -InputObject $m }

    It 'leaves a default task that blocked itself with an error that names the ways out' {
        $e = { Invoke-Kunmap 0x40000 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'TaskBlocked*' -PassThru
        $e.Exception.Message | Should -Match 'Stop-VmTask task0'
        $e.TargetObject | Should -Be 'task0'
    }

    It 'takes the task off pkmap_map_wait, says a kernel cannot, and logs it' {
        $task = Stop-VmTask task0 -Machine $m -WarningVariable warned -WarningAction SilentlyContinue
        $task.State | Should -Be 'Running'
        $task.WaitingForPfn | Should -BeNullOrEmpty
        $warned | Should -Match 'TASK_UNINTERRUPTIBLE'
        (Get-VmEvent -Last 1 -Machine $m).Kind | Should -Be 'WaitCancelled'
        (Invoke-Kunmap 0x40000 -Machine $m).PkmapCount | Should -Be 1
    }

    It 'refuses a task that is not blocked, or not there' {
        { Stop-VmTask task0 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'TaskNotBlocked*'
        $e = { Stop-VmTask nobody -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'TaskNotFound*' -PassThru
        $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e.TargetObject | Should -Be 'nobody'
    }
}

Describe 'Bad names and values get KernelVm errors or clear binding errors' {
    It 'refuses a machine name that is not one, with the name as target' -ForEach @(
        @{ Name = 'a b' }, @{ Name = 'star*' }, @{ Name = "tab`tname" }, @{ Name = ('x' * 65) }
    ) {
        $e = { New-VmMachine -Name $Name -ErrorAction Stop } | Should -Throw -ErrorId 'MachineNameInvalid,KernelVm.PowerShell.Commands.NewVmMachineCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e.TargetObject | Should -BeExactly $Name
    }

    It 'refuses a negative event sequence' {
        $m = New-VmMachine
        $e = { Get-VmEvent -Since -5 -Machine $m -ErrorAction Stop } | Should -Throw -ErrorId 'EventSequenceNegative*' -PassThru
        $e.TargetObject | Should -Be -5
        Remove-VmMachine -InputObject $m
    }

    It 'refuses a memory size that is not whole pages, such as -1' {
        $e = { New-VmMachine -MemorySize (-1) -ErrorAction Stop } | Should -Throw -ErrorId 'MemorySizeInvalid*' -PassThru
        $e.TargetObject | Should -Be ([uint64]'0xFFFFFFFF')
    }

    It 'says which machine name does not exist' {
        { Get-VmZone -Machine no-such-machine -ErrorAction Stop } | Should -Throw "*no machine named 'no-such-machine'*"
    }

    It 'refuses $null as a pfn and 1e10 as ambiguous' {
        $m = New-VmMachine -MemorySize 2GB
        { Invoke-Kmap -Pfn @($null) -Machine $m -ErrorAction Stop } | Should -Throw "*Cannot read '`$null'*"
        { Get-VmPage -Pfn '1e10' -Machine $m -ErrorAction Stop } | Should -Throw "*Cannot read '1e10'*"
        (Get-PkmapCount -InUse -Machine $m) | Should -BeNullOrEmpty
        Remove-VmMachine -InputObject $m
    }

    It 'binds a piped machine to -Machine by its Machine property' {
        $m = New-VmMachine -Name (New-Name)
        $m.Machine | Should -BeExactly $m.Name
        ($m | Get-VmZone -Name DMA).Machine | Should -BeExactly $m.Name
        # The piped machine's own Name is not a zone name; a -Name typed on the command line is.
        @($m | Get-VmZone).Count | Should -BeGreaterThan 1
        { $m | Get-VmZone -Name $m.Name -ErrorAction Stop } | Should -Throw -ErrorId 'ZoneNotFound*'
        @($m | Get-VmTask).Count | Should -Be 0
        Remove-VmMachine -InputObject $m
    }
}
