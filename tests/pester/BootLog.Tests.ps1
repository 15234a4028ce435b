# Pester 5: New-VmMachine -BootLog and Compare-VmBootLog on the real logs of tests/data/real-dmesg.

BeforeDiscovery {
    $logs = @(Get-ChildItem (Join-Path $PSScriptRoot '../data/real-dmesg') -Filter *.txt | ForEach-Object { @{ Log = $_.Name; Path = $_.FullName } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    $ErrorActionPreference = 'Stop'
    $data = Join-Path $PSScriptRoot '../data/real-dmesg'
    $hardy = Join-Path $data '01-hardy-2.6.24-19-generic-1280MB.txt'
    $toshiba = Join-Path $data 'm10-6.1.0-2-686-pae-i686-PAE-5GB-Toshiba.txt'
}

Describe 'New-VmMachine -BootLog <Log>' -ForEach $logs {
    It 'boots a twin and says what it inferred' {
        $name = 'twin-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $verbose = New-VmMachine -Name $name -BootLog $Path -Verbose -WarningAction SilentlyContinue 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $m = Get-VmMachine $name
        $m.Name | Should -BeExactly $name
        ($verbose.Message -match '^Inferred: Kernel \S+ is simulated as ') | Should -HaveCount 1
        ($verbose.Message -match '^(Inferred|Chosen): Config ') | Should -HaveCount 1
        Remove-VmMachine $name
    }

    It 'compares every line of the log, in its order, with records that export' {
        $rows = @(Compare-VmBootLog $Path -WarningAction SilentlyContinue)
        $real = @($rows | Where-Object Status -ne Missing)
        $real.LineNumber | Should -Be ($real.LineNumber | Sort-Object)
        $rows.Status | Should -BeIn 'Match', 'Differs', 'NotModelled', 'Missing'
        @($rows | Where-Object Status -eq Match).Count | Should -BeGreaterThan 3
        $csv = Join-Path $TestDrive "$Log.csv"
        $rows | Export-Csv $csv -NoTypeInformation
        $back = @(Import-Csv $csv)
        $back.Count | Should -Be $rows.Count
        ($back | Where-Object Status -eq Differs).RealText | Should -Be ($rows | Where-Object Status -eq Differs).RealText
    }
}

Describe 'The 01-hardy twin' {
    BeforeAll {
        $m = New-VmMachine -Name hardy -BootLog $hardy -Force
    }

    AfterAll {
        Remove-VmMachine hardy
    }

    It 'has the configuration the fixmap size implies: R2, PARAVIRT and F00F' {
        $m.Options.NrCpus | Should -Be 8
        $m.Options.Paravirt | Should -BeTrue
        $m.Options.X86F00fBug | Should -BeTrue
        $m.Options.X86CycloneTimer | Should -BeFalse
        (Get-VmBootLog -Machine $m | Where-Object Text -match 'fixmap').Text.Trim() | Should -BeExactly 'fixmap  : 0xfff4b000 - 0xfffff000   ( 720 kB)'
    }

    It 'matches the layout block of the real log' {
        $rows = Compare-VmBootLog $hardy -Machine hardy
        foreach ($kind in 'fixmap layout', 'pkmap layout', 'vmalloc layout', 'lowmem layout', '.text layout', 'LOWMEM available', 'HIGHMEM available') {
            ($rows | Where-Object Kind -eq $kind).Status | Should -Be 'Match' -Because $kind
        }
        @($rows | Where-Object Status -eq Differs | Where-Object { -not $_.ModelText -and -not $_.RealText }) | Should -BeNullOrEmpty
    }

    It 'compares the same with the twin Compare-VmBootLog boots itself' {
        $own = Compare-VmBootLog $hardy | ForEach-Object { "$($_.LineNumber) $($_.Status) $($_.ModelText)" }
        $given = Compare-VmBootLog $hardy -Machine $m | ForEach-Object { "$($_.LineNumber) $($_.Status) $($_.ModelText)" }
        $given | Should -Be $own
        (Compare-VmBootLog $hardy -Machine $m)[0].Machine | Should -BeExactly 'hardy'
    }

    It 'binds piped files by FullName' {
        $rows = Get-Item $hardy, $toshiba | Compare-VmBootLog -WarningAction SilentlyContinue
        @($rows.Log | Select-Object -Unique) | Should -Be '01-hardy-2.6.24-19-generic-1280MB.txt', 'm10-6.1.0-2-686-pae-i686-PAE-5GB-Toshiba.txt'
    }
}

Describe 'A 6.1 PAE log held against 6.17' {
    It 'warns that HIGHMEM64G is gone and gives the reason on the lines it moves' {
        $rows = Compare-VmBootLog $toshiba -WarningVariable warned -WarningAction SilentlyContinue
        $warned -join "`n" | Should -Match 'HIGHMEM64G'
        $highmem = $rows | Where-Object Kind -eq 'HIGHMEM available'
        $highmem.Status | Should -Be 'Differs'
        $highmem.Reason | Should -Match 'bbeb69ce3013'
        ($rows | Where-Object Kind -eq 'LOWMEM available').Status | Should -Be 'Match'
    }
}

Describe 'Bad boot logs' {
    BeforeAll {
        $notALog = Join-Path $TestDrive 'notes.txt'
        Set-Content $notALog 'Some notes, not a boot log.'
        $tooNew = Join-Path $TestDrive 'el7.txt'
        Set-Content $tooNew '[    0.000000] Linux version 3.10.0-1160.el7.x86_64 (mockbuild@x) #1 SMP'
    }

    It 'refuses a missing file' {
        { New-VmMachine -BootLog (Join-Path $TestDrive 'none.txt') } | Should -Throw -ErrorId 'FileNotFound,KernelVm.PowerShell.Commands.NewVmMachineCommand'
        { Compare-VmBootLog (Join-Path $TestDrive 'none.txt') } | Should -Throw -ErrorId 'FileNotFound,KernelVm.PowerShell.Commands.CompareVmBootLogCommand'
    }

    It 'refuses a file that is not a boot log, and boots nothing' {
        $before = @(Get-VmMachine).Count
        { New-VmMachine -BootLog $notALog } | Should -Throw -ErrorId 'BootLogInvalid,KernelVm.PowerShell.Commands.NewVmMachineCommand'
        $e = { Compare-VmBootLog $notALog } | Should -Throw -ErrorId 'BootLogInvalid,KernelVm.PowerShell.Commands.CompareVmBootLogCommand' -PassThru
        $e.TargetObject | Should -BeExactly $notALog
        @(Get-VmMachine).Count | Should -Be $before
    }

    It 'refuses a kernel the model does not simulate' {
        { New-VmMachine -BootLog $tooNew } | Should -Throw -ErrorId 'BootLogKernelUnsupported,KernelVm.PowerShell.Commands.NewVmMachineCommand'
        $e = { Compare-VmBootLog $tooNew } | Should -Throw -ErrorId 'BootLogKernelUnsupported,KernelVm.PowerShell.Commands.CompareVmBootLogCommand' -PassThru
        $e.TargetObject | Should -BeExactly '3.10.0-1160.el7.x86_64'
    }

    It 'refuses configuration parameters next to -BootLog' {
        { New-VmMachine -BootLog $hardy -MemorySize 2GB -NrCpus 2 } | Should -Throw -ErrorId 'AmbiguousParameterSet,KernelVm.PowerShell.Commands.NewVmMachineCommand'
    }

    It 'carries on with the next piped file after a bad one' {
        $rows = @($notALog, $hardy | Compare-VmBootLog -ErrorAction SilentlyContinue -ErrorVariable failed)
        $failed | Should -HaveCount 1
        $rows.Count | Should -BeGreaterThan 10
    }
}
