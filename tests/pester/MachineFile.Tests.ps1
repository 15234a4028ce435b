# Pester 5: what Export-VmMachine and Import-VmMachine refuse (docs/machine-file.md).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    $ErrorActionPreference = 'Stop'
}

Describe 'Import-VmMachine' {
    BeforeAll {
        $name = 'mf-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $m = New-VmMachine -Name $name -MemorySize 2GB
        $null = Invoke-Kmap 0x40000 -Machine $m
        $path = Join-Path $TestDrive 'saved.json'
        Export-VmMachine $path -Machine $m
        Remove-VmMachine $name
        # The file as a hand edit leaves it: a machine name New-VmMachine would refuse.
        $renamed = Join-Path $TestDrive 'renamed.json'
        (Get-Content $path -Raw).Replace("`"name`": `"$name`"", '"name": "bad name"') | Set-Content $renamed
    }

    It 'refuses a file whose machine name is not a name, and loads nothing' {
        $before = @(Get-VmMachine).Count
        { Import-VmMachine $renamed } | Should -Throw -ErrorId 'MachineNameInvalid*'
        @(Get-VmMachine).Count | Should -Be $before
    }

    It 'refuses a file with a task name no cmdlet could use, and loads nothing' {
        $retasked = Join-Path $TestDrive 'retasked.json'
        (Get-Content $path -Raw).Replace('"task0"', '"bad task"') | Set-Content $retasked
        $before = @(Get-VmMachine).Count
        $e = { Import-VmMachine $retasked -Name "$name-3" } | Should -Throw -ErrorId 'TaskNameInvalid*' -PassThru
        $e.TargetObject | Should -BeExactly 'bad task'
        @(Get-VmMachine).Count | Should -Be $before
    }

    It 'loads that file under a valid -Name' {
        $loaded = Import-VmMachine $renamed -Name "$name-2"
        $loaded.Name | Should -BeExactly "$name-2"
        (Get-PkmapCount -Slot 1 -Machine $loaded).Pfn | Should -Be 0x40000
        Remove-VmMachine "$name-2"
    }
}

Describe 'Export-VmMachine' {
    BeforeAll {
        $m = New-VmMachine -MemorySize 2GB
    }

    AfterAll {
        Remove-VmMachine -InputObject $m
    }

    It 'keeps a read-only file unless -Force, on every platform' {
        $path = Join-Path $TestDrive 'read-only.json'
        Set-Content $path 'kept'
        Set-ItemProperty $path -Name IsReadOnly -Value $true
        { Export-VmMachine $path -Machine $m } | Should -Throw -ErrorId 'FileWriteFailed*'
        Get-Content $path | Should -Be 'kept'
        Export-VmMachine $path -Machine $m -Force
        (Import-VmMachine $path -Name "$($m.Name)-back").Name | Should -Be "$($m.Name)-back"
        Remove-VmMachine "$($m.Name)-back"
    }

    It 'reports a file name the system refuses as FileWriteFailed, and writes nothing' {
        Push-Location $TestDrive
        try {
            $before = @(Get-ChildItem -Force).Count
            { Export-VmMachine "a`0b.json" -Machine $m } | Should -Throw -ErrorId 'FileWriteFailed*'
            @(Get-ChildItem -Force).Count | Should -Be $before
        }
        finally {
            Pop-Location
        }
    }
}

Describe 'A path on a drive that does not exist' {
    It 'is FileWriteFailed for Export-VmMachine and FileReadFailed for Import-VmMachine, with the path as TargetObject' {
        $m = New-VmMachine -MemorySize 2GB
        { Export-VmMachine 'NoSuchDrive:/lab.json' -Machine $m } | Should -Throw -ErrorId 'FileWriteFailed*'
        $failed = { Import-VmMachine 'NoSuchDrive:/lab.json' } | Should -Throw -ErrorId 'FileReadFailed*' -PassThru
        $failed.TargetObject | Should -BeExactly 'NoSuchDrive:/lab.json'
        Remove-VmMachine -InputObject $m
    }
}
