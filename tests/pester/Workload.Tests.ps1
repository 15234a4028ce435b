# Pester 5 and 6: Invoke-VmWorkload (a seeded workload over pkmap), its progress and Ctrl+C, and the
# event log a machine sizes.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    . $PSScriptRoot/PesterHelpers.ps1
    $ErrorActionPreference = 'Stop'

    # A workload that churns through slots (wraps, flushes, kmap_atomic, accesses) without running out of them.
    $busy = @{ Count = 2000; TaskCount = 6; MaxHeld = 100; PageCount = 6000; Mix = @{ Kmap = 4; Kunmap = 3; KmapAtomic = 1; Access = 2 } }

    function ConvertTo-WorkloadCsv([Parameter(ValueFromPipeline)] $Record) {
        begin { $records = [System.Collections.Generic.List[object]]::new() }
        process { $records.Add($Record) }
        end { $records | Select-Object * -ExcludeProperty Machine | ConvertTo-Csv -NoTypeInformation }
    }

    # The users pkmap counts (pkmap_count - 1 over the mapped slots), and the kmaps minus kunmaps of
    # highmem pages the event log recorded: after any run, whole steps only, they agree.
    function Get-PkmapUsers($Machine) { [int](Get-PkmapCount -Machine $Machine | Measure-Object -Sum Users).Sum }
    function Get-LoggedUsers($Machine) {
        $kinds = Get-VmEvent -Machine $Machine -Kind SlotChosen, KmapReuse, FoundMapped, Kunmap | Group-Object Kind -AsHashTable -AsString
        $count = { param($k) if ($kinds -and $kinds.ContainsKey($k)) { $kinds[$k].Count } else { 0 } }
        (& $count SlotChosen) + (& $count KmapReuse) + (& $count FoundMapped) - (& $count Kunmap)
    }

    # Every mapped slot is page_address() of its page; every free one maps nothing.
    function Test-PkmapConsistent($Machine) {
        foreach ($slot in Get-PkmapCount -Machine $Machine) {
            if ($slot.PkmapCount -ge 1) {
                (Get-PageAddress $slot.Pfn -Machine $Machine).VirtualAddress | Should -Be $slot.VirtualAddress -Because "slot $($slot.Slot)"
            }
            else {
                $slot.Pfn | Should -BeNullOrEmpty -Because "free slot $($slot.Slot)"
            }
        }
    }
}

Describe 'Invoke-VmWorkload is reproducible' {
    It 'writes the same CSV for the same seed on two fresh machines' {
        $a = New-VmMachine -Name wl-a -MemorySize 2GB -Force | Invoke-VmWorkload -Seed 7 @busy | ConvertTo-WorkloadCsv
        $b = New-VmMachine -Name wl-b -MemorySize 2GB -Force | Invoke-VmWorkload -Seed 7 @busy | ConvertTo-WorkloadCsv
        $a.Count | Should -Be 2001
        $a | Should -Be $b
        Remove-VmMachine wl-a, wl-b
    }

    It 'writes the same CSV in another process' {
        $command = "Import-Module '$manifest'; New-VmMachine -MemorySize 2GB | Invoke-VmWorkload -Seed 11 -Count 300 -Mix @{ Kmap = 4; Kunmap = 3; KmapAtomic = 1; Access = 2 } | Select-Object * -ExcludeProperty Machine | ConvertTo-Csv -NoTypeInformation"
        $child = Invoke-ChildPowerShell $command
        $child.ExitCode | Should -Be 0
        $here = New-VmMachine -Name wl-here -MemorySize 2GB -Force |
            Invoke-VmWorkload -Seed 11 -Count 300 -Mix @{ Kmap = 4; Kunmap = 3; KmapAtomic = 1; Access = 2 } | ConvertTo-WorkloadCsv
        $child.Text -split "`n" | Should -Be $here
        Remove-VmMachine wl-here
    }

    It 'writes other records for another seed' {
        $a = New-VmMachine -Name wl-a -MemorySize 2GB -Force | Invoke-VmWorkload -Seed 1 -Count 200 | ConvertTo-WorkloadCsv
        $b = New-VmMachine -Name wl-b -MemorySize 2GB -Force | Invoke-VmWorkload -Seed 2 -Count 200 | ConvertTo-WorkloadCsv
        Compare-Object $a $b | Should -Not -BeNullOrEmpty
        Remove-VmMachine wl-a, wl-b
    }

    It 'leaves pkmap counting exactly the kmaps its tasks hold' {
        $m = New-VmMachine -Name wl-held -MemorySize 2GB -EventLogCapacity 1MB -Force
        $last = Invoke-VmWorkload -Machine $m -Seed 3 @busy | Select-Object -Last 1
        Get-PkmapUsers $m | Should -Be $last.HeldKmaps
        Get-LoggedUsers $m | Should -Be $last.HeldKmaps
        Test-PkmapConsistent $m
        Remove-VmMachine wl-held
    }
}

Describe 'A run that uses up every pkmap slot' {
    BeforeAll {
        $m = New-VmMachine -Name wl-deadlock -MemorySize 2GB -Force
        $run = @{ Machine = $m; TaskCount = 2; MaxHeld = 4096; PageCount = 4096; Pattern = 'Sequential'; Mix = @{ Kmap = 1 }; Count = 5000 }
        $records = Invoke-VmWorkload @run -WarningVariable warned -WarningAction SilentlyContinue
    }

    AfterAll {
        Remove-VmMachine wl-deadlock
    }

    It 'stops at the kmap deadlock with a record and a warning saying so' {
        $records[-1].Step | Should -Be 1026
        $records[-1].Result | Should -Be 'Deadlock'
        $records[-2].Result | Should -Be 'Blocked'
        $records[-1].BlockedTasks | Should -Be 2
        "$warned" | Should -Match 'Step 1026: every task of the workload sleeps on pkmap_map_wait'
    }

    It 'leaves both tasks asleep and every slot held' {
        (Get-VmTask -Machine $m).State | Should -Be @('Blocked', 'Blocked')
        $records[-1].SlotsInUse | Should -Be 1024
        Get-PkmapUsers $m | Should -Be 1024
    }

    It 'refuses a run whose tasks all sleep, changing nothing' {
        $before = $m.Events.NextSequence
        { Invoke-VmWorkload @run } | Should -Throw -ErrorId 'WorkloadTasksBlocked,*'
        $m.Events.NextSequence | Should -Be $before
    }

    It 'runs again once Stop-VmTask gave up the waits, and sleeps at once: the slots are still held' {
        Get-VmTask -Machine $m | Stop-VmTask -WarningAction SilentlyContinue | Out-Null
        $more = Invoke-VmWorkload -Machine $m -Task task0 -Pfn ($m.MaxPfn - 1) -Count 10 -WarningAction SilentlyContinue
        $more.Step | Should -Be 1
        $more.Result | Should -Be 'Deadlock'
    }
}

Describe '-Interval' {
    It 'writes the last step of every interval with its sleeps and wake-ups added up' {
        # Six tasks hold up to 1500 kmaps: they sleep, are woken, and end in the kmap deadlock at step 2611.
        $options = @{ Seed = 2; Count = 4000; TaskCount = 6; MaxHeld = 250; PageCount = 8000; Mix = @{ Kmap = 3; Kunmap = 1; Access = 1 }; WarningAction = 'SilentlyContinue' }
        $steps = New-VmMachine -Name wl-steps -MemorySize 2GB -Force | Invoke-VmWorkload @options
        $intervals = New-VmMachine -Name wl-intervals -MemorySize 2GB -Force | Invoke-VmWorkload @options -Interval 100
        $last = $steps[-1].Step
        $intervals.Step | Should -Be @(@(1..[math]::Floor($last / 100)).ForEach({ $_ * 100 }) + $last)
        $state = 'Op', 'Task', 'Pfn', 'Result', 'HeldKmaps', 'SlotsInUse', 'StaleSlots', 'FreeSlots', 'Flushes', 'TlbFlushes', 'BlockedTasks'
        $from = 0
        foreach ($interval in $intervals) {
            $covered = @($steps | Where-Object { $_.Step -gt $from -and $_.Step -le $interval.Step })
            $from = $interval.Step
            Compare-Object $covered[-1] $interval -Property $state | Should -BeNullOrEmpty
            $interval.Sleeps | Should -Be ($covered | Measure-Object -Sum Sleeps).Sum
            $interval.Wakeups | Should -Be ($covered | Measure-Object -Sum Wakeups).Sum
        }
        ($intervals | Measure-Object -Sum Sleeps).Sum | Should -BeGreaterThan 0
        ($intervals | Measure-Object -Sum Wakeups).Sum | Should -BeGreaterThan 0
        $intervals[-1].Result | Should -Be 'Deadlock'
        Remove-VmMachine wl-steps, wl-intervals
    }
}

Describe 'Bad input to Invoke-VmWorkload' {
    BeforeDiscovery {
        $cases = @(
            @{ Name = 'an unknown operation'; Arguments = @{ Mix = @{ Flush = 1 } }; Id = 'WorkloadMixInvalid'; Target = 'Flush' }
            @{ Name = 'a negative weight'; Arguments = @{ Mix = @{ Kmap = -1 } }; Id = 'WorkloadMixInvalid'; Target = -1 }
            @{ Name = 'a fractional weight'; Arguments = @{ Mix = @{ Kmap = 0.5 } }; Id = 'WorkloadMixInvalid'; Target = 0.5 }
            @{ Name = 'a weight that is no number'; Arguments = @{ Mix = @{ Kunmap = 'many' } }; Id = 'WorkloadMixInvalid'; Target = 'many' }
            @{ Name = 'an empty mix'; Arguments = @{ Mix = @{} }; Id = 'WorkloadMixInvalid' }
            @{ Name = 'an all-zero mix'; Arguments = @{ Mix = @{ Kmap = 0; Access = 0 } }; Id = 'WorkloadMixInvalid' }
            @{ Name = 'a mix that is not a hashtable'; Arguments = @{ Mix = 'Kmap' }; Id = 'CannotConvertArgumentNoMessage' }
            @{ Name = 'Count 0'; Arguments = @{ Count = 0 }; Id = 'ParameterArgumentValidationError' }
            @{ Name = 'a Count that is no number'; Arguments = @{ Count = 'lots' }; Id = 'ParameterArgumentTransformationError' }
            @{ Name = 'an unknown pattern'; Arguments = @{ Pattern = 'Zigzag' }; Id = 'ParameterArgumentTransformationError' }
            @{ Name = 'a pattern number that is not defined'; Arguments = @{ Pattern = 7 }; Id = 'ParameterArgumentTransformationError' }
            @{ Name = 'HotPercent 100'; Arguments = @{ HotPercent = 100 }; Id = 'ParameterArgumentValidationError' }
            @{ Name = 'more pages than RAM'; Arguments = @{ PageCount = 0x80001 }; Id = 'WorkloadOptionInvalid'; Target = 0x80001 }
            @{ Name = 'a pfn beyond RAM'; Arguments = @{ Pfn = 0x80000 }; Id = 'PfnOutOfRange'; Target = 0x80000 }
            @{ Name = 'a task named twice'; Arguments = @{ Task = 'a', 'A' }; Id = 'WorkloadOptionInvalid'; Target = 'A' }
            @{ Name = 'a task name that is not one'; Arguments = @{ Task = 'no name' }; Id = 'TaskNameInvalid'; Target = 'no name' }
            @{ Name = 'both -Task and -TaskCount'; Arguments = @{ Task = 'a'; TaskCount = 2 }; Id = 'AmbiguousParameterSet' }
        )
    }

    BeforeAll {
        $m = New-VmMachine -Name wl-bad -MemorySize 2GB -Force
    }

    AfterAll {
        Remove-VmMachine wl-bad
    }

    It 'refuses <Name> with <Id>, changing nothing' -ForEach $cases {
        $before = $m.Events.NextSequence
        $caught = $null
        $splat = @{ Machine = $m; Count = 10 }
        foreach ($key in $Arguments.Keys) { $splat[$key] = $Arguments[$key] }
        try { Invoke-VmWorkload @splat } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        if ($Target) { $caught.TargetObject | Should -Be $Target }
        $m.Events.NextSequence | Should -Be $before
        Get-VmTask -Machine $m | Should -BeNullOrEmpty
    }

    It 'runs kmap_atomic on 6.x as the kmap_local wrapper: the slot is pushed and popped in the step' {
        $modern = New-VmMachine -Name wl-6x -KernelVersion 6.x -MemorySize 2GB -Force
        $steps = Invoke-VmWorkload -Machine $modern -Seed 1 -Count 200 -Mix @{ Kmap = 1; KmapAtomic = 1 }
        $steps | Where-Object Op -EQ KmapAtomic | Should -Not -BeNullOrEmpty
        Get-VmEvent -Machine $modern | Where-Object Kind -EQ KmapLocal | Should -Not -BeNullOrEmpty
        (Get-VmTask -Machine $modern).KmapCtrlIdx | Should -Not -Contain 1
        Remove-VmMachine wl-6x
    }
}

Describe 'Ctrl+C' {
    It 'stops a long run between two steps and leaves the machine consistent' {
        $m = New-VmMachine -Name wl-stop -MemorySize 2GB -EventLogCapacity 1MB -Force
        $ps = [powershell]::Create()
        $null = $ps.AddScript("param(`$m) Import-Module '$manifest'; Invoke-VmWorkload -Machine `$m -Count 100000000 -TaskCount 6 -MaxHeld 100 -PageCount 6000 -Mix @{ Kmap = 4; Kunmap = 3; KmapAtomic = 1; Access = 2 }").AddArgument($m)
        $in = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $in.Complete()
        $out = [System.Management.Automation.PSDataCollection[psobject]]::new()
        try {
            $async = $ps.BeginInvoke($in, $out)
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $running = [Diagnostics.Stopwatch]::new()
            # Thousands of steps, and a second of them (the import comes first): time for progress bars too.
            while (($out.Count -lt 5000 -or $running.ElapsedMilliseconds -lt 1000) -and -not $async.IsCompleted -and $clock.Elapsed.TotalSeconds -lt 60) {
                if ($out.Count -gt 0) { $running.Start() }
                Start-Sleep -Milliseconds 20
            }
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Error | Should -BeNullOrEmpty
            $records = @($out)
            $records.Count | Should -BeGreaterOrEqual 5000
            $records.Count | Should -BeLessThan 100000000
            $held = $records[-1].HeldKmaps

            # Whole steps only: pkmap counts what the tasks kmapped and did not kunmap, slot by slot.
            $m.Events.LostSince(0) | Should -Be 0
            Get-PkmapUsers $m | Should -Be (Get-LoggedUsers $m)
            Get-PkmapUsers $m | Should -BeIn @(($held - 1), $held, ($held + 1)) -Because 'at most the step in flight went unreported'
            Test-PkmapConsistent $m
            Get-VmTask -Machine $m | Where-Object State -eq Blocked | Should -BeNullOrEmpty
            @($ps.Streams.Progress) | Where-Object RecordType -eq 'Processing' | Should -Not -BeNullOrEmpty -Because 'the run took longer than 200 ms'
            # The machine goes on working.
            (Invoke-VmWorkload -Machine $m -Task after -Count 20).Count | Should -Be 20
        }
        finally {
            $ps.Dispose()
            Remove-VmMachine wl-stop
        }
    }
}

Describe 'Progress' {
    It 'is not written by a short run' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$manifest'; New-VmMachine -MemorySize 2GB | Invoke-VmWorkload -Count 200").Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $ps.Streams.Progress | Should -BeNullOrEmpty
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'is written, then completed, by Get-VmPage streaming a large machine' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$manifest'; Get-VmPage -Machine (New-VmMachine -MemorySize 1GB) | Out-Null").Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $progress = @($ps.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 1
            $progress[0].StatusDescription | Should -Match '^Zone \w+, pfn 0x[0-9A-F]+ \(\d+ of 262144 pages\)$'
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'The event log a machine sizes' {
    It 'rounds -EventLogCapacity up to a power of two, and shows it' {
        $made = New-VmMachine -Name wl-log -MemorySize 2GB -EventLogCapacity 100 -Force -Verbose 4>&1
        $m = $made | Where-Object { $_ -is [KernelVm.Machine] }
        $made.Where({ $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'The event log keeps 128 events: 100 rounded up to a power of two.'
        $m.EventLogCapacity | Should -Be 128
        $m.Events.Capacity | Should -Be 128
        (New-VmMachine -Name wl-log -Force).EventLogCapacity | Should -Be 4096
        Remove-VmMachine wl-log
    }

    It 'refuses <Value> with EventLogCapacityInvalid' -ForEach @(@{ Value = 63 }, @{ Value = 0 }, @{ Value = -1 }, @{ Value = 1048577 }) {
        $caught = $null
        try { New-VmMachine -Name wl-bad-log -EventLogCapacity $Value } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'EventLogCapacityInvalid,*'
        $caught.TargetObject | Should -Be $Value
        Get-VmMachine wl-bad-log -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'warns how many events since a kept sequence number were overwritten' {
        $m = New-VmMachine -Name wl-lost -MemorySize 2GB -EventLogCapacity 64 -Force
        $keep = $m.Events.NextSequence
        $null = Invoke-VmWorkload -Machine $m -Count 5
        $held = @(Get-VmEvent -Machine $m -Since $keep -WarningVariable none)
        $none | Should -BeNullOrEmpty
        $held.Count | Should -Be ($m.Events.NextSequence - $keep)

        $keep = $m.Events.NextSequence
        $null = Invoke-VmWorkload -Machine $m -Count 200
        $lost = $m.Events.NextSequence - 64 - $keep
        $lost | Should -BeGreaterThan 0
        $events = @(Get-VmEvent -Machine $m -Since $keep -WarningVariable warned -WarningAction SilentlyContinue)
        $events.Count | Should -Be 64
        $events[0].Sequence | Should -Be ($keep + $lost)
        "$warned" | Should -Match "^$lost event\(s\) from sequence $keep on were overwritten"
        Remove-VmMachine wl-lost
    }

    It 'keeps its capacity through Export-Csv and New-VmMachine' {
        $path = Join-Path $TestDrive 'machine.csv'
        New-VmMachine -Name wl-csv -EventLogCapacity 300 -Force | Export-Csv $path
        Remove-VmMachine wl-csv
        (Import-Csv $path | New-VmMachine).EventLogCapacity | Should -Be 512
        Remove-VmMachine wl-csv
    }
}
