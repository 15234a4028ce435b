# Pester 5: experiments on a machine's state (issue 10): snapshots and their comparison, forks, save
# files. The round trip must be exact: a snapshot comparison after a reload is empty.

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    $ErrorActionPreference = 'Stop'

    # A 2 GiB R2 machine with slots in use and stale, a wrap and its flush, a sleeper, a fixmap and TLB entries.
    function New-BusyMachine([string] $Name, [string] $KernelVersion = '2.6.24', [string] $Architecture = 'X86') {
        $m = New-VmMachine -Name $Name -MemorySize 2GB -Config R2 -KernelVersion $KernelVersion -Architecture $Architecture
        $hp = [uint64](Get-VmZone -Name HighMem -Machine $m).StartPfn
        $last = (Get-PkmapCount -Machine $m).Count
        foreach ($i in 0..($last - 2)) { $null = Invoke-Kmap ($hp + $i) -Task filler -Machine $m }
        foreach ($i in 0..9) { $null = Invoke-Kunmap ($hp + $i) -Task filler -Machine $m }
        $null = Invoke-Kmap ($hp + 2000) -Task filler -Machine $m
        $pfn = $hp + 2001
        while (Get-PkmapCount -Machine $m | Where-Object State -EQ Free) { $null = Invoke-Kmap ($pfn++) -Task filler -Machine $m }
        $null = Invoke-Kmap ($hp + 3000) -Task sleeper -Machine $m
        $null = Set-Fixmap FIX_APIC_BASE 0xFEE00000 -NoCache -Machine $m
        $null = Invoke-VmAccess (Get-PkmapCount -Slot 12 -Machine $m).VirtualAddress -Task other -Cpu 1 -Machine $m
        $m
    }
}

Describe 'Get-VmSnapshot' {
    BeforeAll {
        $m = New-VmMachine -Name snap -MemorySize 2GB
        $hp = [uint64](Get-VmZone -Name HighMem -Machine $m).StartPfn
        $before = Get-VmSnapshot -Machine $m
        $null = Invoke-Kmap $hp -Task t1 -Machine $m
        $after = Get-VmSnapshot -Machine $m
    }

    It 'is a picture: the machine goes on, the snapshot does not change' {
        ($before.Pkmap | Where-Object State -NE Free) | Should -BeNullOrEmpty
        ($after.Pkmap | Where-Object State -EQ InUse).Pfn | Should -Be $hp
        $before.Tasks | Should -BeNullOrEmpty
        $after.Sequence | Should -BeGreaterThan $before.Sequence
    }

    It 'holds only the parts asked for' {
        $s = Get-VmSnapshot -Part Pkmap, Tasks -Machine $m
        $s.Parts | Should -Be ([KernelVm.PowerShell.VmSnapshotPart]'Pkmap, Tasks')
        $s.Fixmap | Should -BeNullOrEmpty
        $s.Pkmap | Should -HaveCount 1024
    }

    It 'leaves out the parts a machine does not have: 2.4.22 has no hash, x86-64 no pkmap' {
        (Get-VmSnapshot -Machine (New-VmMachine -KernelVersion 2.4.22 -MemorySize 2GB)).Parts.HasFlag([KernelVm.PowerShell.VmSnapshotPart]::Hash) | Should -BeFalse
        $x64 = Get-VmSnapshot -Machine (New-VmMachine -Architecture X86_64 -MemorySize 2GB)
        $x64.Parts.HasFlag([KernelVm.PowerShell.VmSnapshotPart]::Pkmap) | Should -BeFalse
        $x64.Pkmap | Should -BeNullOrEmpty
    }

    It 'refuses an unknown part with the enum binding error' {
        { Get-VmSnapshot -Part Slab -Machine $m } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,KernelVm.PowerShell.Commands.GetVmSnapshotCommand'
    }

    It 'works with Compare-Object on a part' {
        $d = Compare-Object $before.Pkmap $after.Pkmap -Property Slot, PkmapCount
        ($d | Where-Object SideIndicator -EQ '=>').PkmapCount | Should -Be 2
    }
}

Describe 'Compare-VmSnapshot' {
    BeforeAll {
        $m = New-VmMachine -Name cmp -MemorySize 2GB
        $hp = [uint64](Get-VmZone -Name HighMem -Machine $m).StartPfn
        $null = Invoke-Kmap $hp -Task t1 -Machine $m
        $before = Get-VmSnapshot -Machine $m
        $null = Invoke-Kunmap $hp -Task t1 -Machine $m
        $null = Invoke-Kmap ($hp + 1) -Task t2 -Machine $m
        $after = Get-VmSnapshot -Machine $m
        $diff = Compare-VmSnapshot $before $after
    }

    It 'is empty for two snapshots of an unchanged machine' {
        Compare-VmSnapshot $after (Get-VmSnapshot -Machine $m) | Should -BeNullOrEmpty
    }

    It 'reports a kunmap as slot 0 going from in use to stale (count 2 to 1)' {
        $slot = $diff | Where-Object { $_.Part -eq 'Pkmap' -and $_.Where -eq 'slot 1' }
        ($slot | Where-Object What -EQ PkmapCount).Old | Should -Be 2
        ($slot | Where-Object What -EQ PkmapCount).New | Should -Be 1
        ($slot | Where-Object What -EQ State).New | Should -Be 'Stale'
    }

    It 'reports the new mapping in every part that holds it' {
        $added = $diff | Where-Object Change -EQ Added
        $added.Part | Should -Be @('Hash', 'Pages', 'PageTables', 'Tasks')
        ($added | Where-Object Part -EQ Tasks).New | Should -Be 't2'
        [uint64]($added | Where-Object Part -EQ Pages).New | Should -Be ($hp + 1)
    }

    It 'takes the difference snapshot from the pipeline and filters by part: t2 took CPU 0 from t1' {
        $tasks = $after | Compare-VmSnapshot $before -Part Tasks
        ($tasks | Where-Object Change -EQ Added).Where | Should -Be 'task t2'
        $t1 = $tasks | Where-Object Where -EQ 'task t1'
        $t1.What | Should -Be 'OnCpu'
        $t1.Old, $t1.New | Should -Be $true, $false
    }

    It 'exports to CSV with typed values written as text' {
        $csv = $diff | ConvertTo-Csv | ConvertFrom-Csv
        ($csv | Where-Object { $_.Part -eq 'Pages' }).New | Should -Be ('0x{0:X8}' -f ($hp + 1))
    }

    It 'compares two kernels on the parts they share' {
        $old = New-VmMachine -KernelVersion 2.4.22 -MemorySize 2GB
        $new = New-VmMachine -KernelVersion 2.6.24 -MemorySize 2GB
        $d = Compare-VmSnapshot (Get-VmSnapshot -Machine $old) (Get-VmSnapshot -Machine $new) -Verbose 4>&1
        ($d | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -BeLike '*Hash*'
        $pkmap = $d | Where-Object { $_.Part -eq 'Layout' -and $_.Where -eq 'pkmap' -and $_.What -eq 'Start' }
        "$($pkmap.Old)" | Should -Be '0xFE000000'      # 2.4.22: PKMAP_BASE 0xFE000000
        "$($pkmap.New)" | Should -Be '0xFF800000'      # 2.6.24: below the fixmaps, PMD aligned
        ($d | Where-Object { $_.Part -eq 'Layout' -and $_.Where -eq 'FIX_HOLE' }).Change | Should -Be 'Added'
    }
}

Describe 'Copy-VmMachine' {
    BeforeAll {
        $m = New-BusyMachine -Name origin
        $fork = Copy-VmMachine fork -Machine $m
    }

    It 'starts in the same state, under its own name, as the default machine' {
        $fork.Name | Should -Be 'fork'
        (Get-VmMachine | Select-Object -Last 1).Name | Should -Be 'fork'
        Compare-VmSnapshot (Get-VmSnapshot -Machine $m) (Get-VmSnapshot -Machine $fork) | Should -BeNullOrEmpty
        (Get-VmTask sleeper -Machine $fork).State | Should -Be 'Blocked'
    }

    It 'goes on separately: the same kunmap wakes the sleeper in both, a kmap in one stays there' {
        $hp = [uint64](Get-VmZone -Name HighMem -Machine $m).StartPfn
        $a = Invoke-Kunmap ($hp + 2000) -Task filler -Machine $m
        $b = Invoke-Kunmap ($hp + 2000) -Task filler -Machine $fork
        $b.Woken.Slot | Should -Be $a.Woken.Slot
        $null = Invoke-Kmap ($hp + 5000) -Task solo -Machine $fork
        Get-VmTask -Machine $m | Where-Object Name -EQ solo | Should -BeNullOrEmpty
    }

    It 'refuses a taken name, its own name even with -Force, and a bad name' {
        { Copy-VmMachine fork -Machine $m } | Should -Throw -ErrorId 'MachineNameTaken,KernelVm.PowerShell.Commands.CopyVmMachineCommand'
        { Copy-VmMachine origin -Machine $m -Force } | Should -Throw -ErrorId 'MachineNameTaken,KernelVm.PowerShell.Commands.CopyVmMachineCommand'
        { Copy-VmMachine 'a b' -Machine $m } | Should -Throw -ErrorId 'MachineNameInvalid,KernelVm.PowerShell.Commands.CopyVmMachineCommand'
    }

    It 'replaces a machine of that name with -Force, and does nothing under -WhatIf' {
        $null = New-VmMachine -Name spare
        (Copy-VmMachine spare -Machine $m -Force).Name | Should -Be 'spare'
        Copy-VmMachine ghost -Machine $m -WhatIf | Should -BeNullOrEmpty
        Get-VmMachine | Where-Object Name -EQ ghost | Should -BeNullOrEmpty
    }
}

Describe 'Export-VmMachine and Import-VmMachine' {
    BeforeAll {
        $dir = Join-Path ([IO.Path]::GetTempPath()) ("kvm-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $null = New-Item -ItemType Directory $dir
        Push-Location $dir
    }

    AfterAll {
        Pop-Location
        Remove-Item $dir -Recurse -Force
    }

    It 'round-trips <Kernel> <Arch> exactly: the comparison after a reload is empty' -TestCases @(
        @{ Kernel = '2.6.24'; Arch = 'X86' }
        @{ Kernel = '2.6.24'; Arch = 'X86Pae' }
        @{ Kernel = '2.4.22'; Arch = 'X86' }
        @{ Kernel = '6.x'; Arch = 'X86Pae' }
    ) {
        $m = New-BusyMachine -Name "rt$($Kernel -replace '\W')$Arch" -KernelVersion $Kernel -Architecture $Arch
        $file = Export-VmMachine -Path ./rt.json -Machine $m -PassThru
        $file.FullName | Should -Be (Join-Path $dir rt.json)
        $back = Import-VmMachine ./rt.json -Name reloaded -Force
        Compare-VmSnapshot (Get-VmSnapshot -Machine $m) (Get-VmSnapshot -Machine $back) | Should -BeNullOrEmpty
        (Get-VmEvent -Machine $back -Last 5).Sequence | Should -Be (Get-VmEvent -Machine $m -Last 5).Sequence
        (Get-VmTask sleeper -Machine $back).WaitingForPfn | Should -Be (Get-VmTask sleeper -Machine $m).WaitingForPfn
    }

    It 'writes a versioned JSON document that other tools read' {
        $m = New-VmMachine -Name json -MemorySize 1GB
        Export-VmMachine json.json -Machine $m
        $doc = Get-Content json.json -Raw | ConvertFrom-Json
        $doc.format | Should -Be 'KernelVm.Machine'
        $doc.version | Should -Be 1
        $doc.config.memorySize | Should -Be '0x40000000'
    }

    It 'takes files from the pipeline and keeps the saved name without -Name' {
        $null = New-VmMachine -Name piped -MemorySize 1GB
        Export-VmMachine piped.json -Machine piped
        Remove-VmMachine piped
        (Get-Item piped.json | Import-VmMachine).Name | Should -Be 'piped'
        { Import-VmMachine piped.json } | Should -Throw -ErrorId 'MachineNameTaken,KernelVm.PowerShell.Commands.ImportVmMachineCommand'
    }

    It 'keeps the old file whole when a save fails, and -NoClobber keeps it at all' {
        $null = New-VmMachine -Name keep -MemorySize 1GB
        Export-VmMachine keep.json -Machine keep
        $bytes = [IO.File]::ReadAllBytes((Join-Path $dir keep.json))
        { Export-VmMachine keep.json -Machine keep -NoClobber } | Should -Throw -ErrorId 'FileExists,KernelVm.PowerShell.Commands.ExportVmMachineCommand'
        { Export-VmMachine ./missing/keep.json -Machine keep } | Should -Throw -ErrorId 'FileWriteFailed,KernelVm.PowerShell.Commands.ExportVmMachineCommand'
        [IO.File]::ReadAllBytes((Join-Path $dir keep.json)) | Should -Be $bytes
        Get-ChildItem -Force -Filter '*.tmp' | Should -BeNullOrEmpty
    }

    It 'refuses paths outside the file system and files that are not there' {
        { Export-VmMachine Env:/x -Machine keep } | Should -Throw -ErrorId 'PathNotFileSystem,KernelVm.PowerShell.Commands.ExportVmMachineCommand'
        { Import-VmMachine ./nothing.json } | Should -Throw -ErrorId 'FileNotFound,KernelVm.PowerShell.Commands.ImportVmMachineCommand'
    }

    Context 'a damaged file loads nothing' {
        BeforeAll {
            $m = New-BusyMachine -Name damaged
            Export-VmMachine good.json -Machine $m
            $good = Get-Content good.json -Raw
            function Import-Edited([string] $Text) {
                Set-Content bad.json $Text -NoNewline
                $count = @(Get-VmMachine).Count
                try { Import-VmMachine bad.json -Name edited -ErrorAction Stop }
                finally { @(Get-VmMachine).Count | Should -Be $count }
            }
        }

        It '<Case> gives <Id>' -TestCases @(
            @{ Case = 'a truncated file'; Id = 'MachineFileCorrupt'; Edit = { param($t) $t.Substring(0, $t.Length / 2) } }
            @{ Case = 'an empty file'; Id = 'MachineFileCorrupt'; Edit = { param($t) '' } }
            @{ Case = 'another JSON document'; Id = 'MachineFileCorrupt'; Edit = { param($t) '{"name": "x"}' } }
            @{ Case = 'a future version'; Id = 'MachineFileVersionUnsupported'; Edit = { param($t) $t -replace '"version": 1', '"version": 9' } }
            @{ Case = 'an unknown kernel'; Id = 'MachineFileInvalid'; Edit = { param($t) $t -replace '"kernelVersion": "2.6.24"', '"kernelVersion": "3.0"' } }
            @{ Case = 'a decimal address'; Id = 'MachineFileInvalid'; Edit = { param($t) $t -replace '"memorySize": "0x80000000"', '"memorySize": "2147483648"' } }
            @{ Case = 'a running task still on the wait queue'; Id = 'MachineFileInconsistent'; Edit = { param($t) $t -replace '"state": "Blocked"', '"state": "Running"' } }
            @{ Case = 'a pkmap count without its PTE'; Id = 'MachineFileInconsistent'; Edit = { param($t) $t -replace '(?s)("pkmapCount": \[\s*)\d+', '${1}0' } }
            @{ Case = 'a lost event'; Id = 'MachineFileInconsistent'; Edit = { param($t) $t -replace '"nextSequence": (\d+)', { '"nextSequence": ' + (1 + $_.Groups[1].Value) } } }
        ) {
            $edited = & $Edit $good
            $edited | Should -Not -Be $good
            { Import-Edited $edited } | Should -Throw -ErrorId "$Id,KernelVm.PowerShell.Commands.ImportVmMachineCommand"
        }

        It 'names the file and what is wrong in the message' {
            $e = { Import-Edited ($good -replace '"state": "Blocked"', '"state": "Running"') } | Should -Throw -PassThru
            $e.Exception.Message | Should -BeLike '*sleeper*'
            $e.ErrorDetails.Message | Should -BeLike '*bad.json*'
            $e.CategoryInfo.Category | Should -Be 'InvalidData'
        }
    }
}
