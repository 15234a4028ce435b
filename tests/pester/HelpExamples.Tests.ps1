# Every example in docs/help runs on its own: each in a new runspace with only KernelVm imported (and
# Pester, for the examples that use it), so no example can lean on a machine another one made. None
# may record an error unless it is about that error: $expectedErrors lists those examples, and their
# prose must name the error ids.

BeforeDiscovery {
    # The examples that show errors on purpose, and the ids of those errors in the order they occur.
    $expectedErrors = @{
        'Clear-Fixmap example 4'      = 'UnmappedKernelAccess', 'StaleTlbAccess'
        'Clear-Fixmap example 5'      = 'FixmapNameNotFound'
        'Export-VmLayout example 3'   = 'ExportFileExists'
        'Export-VmMachine example 2'  = 'FileExists'
        'Get-Fixmap example 3'        = 'VirtToFixOutOfRange'
        'Get-Fixmap example 6'        = 'FixmapDoesNotExist'
        'Get-PkmapCount example 5'    = 'NoHighmem'
        'Get-VmPage example 2'        = 'NotInDirectMap'
        'Get-VmPage example 4'        = 'UnmappedKernelAccess', 'VirtToFixOutOfRange'
        'Import-VmMachine example 2'  = 'MachineFileCorrupt', 'MachineFileInconsistent'
        'Import-VmMachine example 3'  = 'MachineFileVersionUnsupported', 'MachineFileInvalid'
        'Invoke-KmapAtomic example 3' = 'KmapAtomicSlotBusy'
        'Invoke-KmapAtomic example 7' = 'CpuNotPreemptible'
        'Invoke-KmapLocal example 5'  = 'KmapLocalStackFull'
        'Invoke-KmapLocal example 7'  = 'KmapLocalNotInKernel'
        'Invoke-KunmapLocal example 3' = 'StaleTlbAccess'
        'Invoke-KunmapLocal example 6' = 'KunmapLocalEmpty'
        'Invoke-Kunmap example 2'     = 'PkmapCountZero', 'KunmapNotMapped'
        'Invoke-VmAccess example 2'   = 'UnmappedKernelAccess'
        'Invoke-VmAccess example 4'   = 'StaleTlbAccess'
        'Resolve-VmAddress example 7' = 'AddressNotCanonical'
        'Set-Fixmap example 5'        = 'StaleTlbAccess'
        'Switch-VmTask example 2'     = 'CpuNotPreemptible', 'TaskMigrationDisabled'
        'about_KernelVm ERRORS'       = 'NotInDirectMap'
    }

    # What a reader types. In a block that shows a prompt, that is its PS> lines (a >> line continues
    # the one before); its other lines are what pwsh printed. A block without a prompt is a script.
    function Get-ExampleCommand([string] $Code) {
        $lines = $Code -split '\r?\n'
        if (-not ($lines -match '^PS> ')) {
            return $Code
        }
        $commands = [System.Collections.Generic.List[string]]::new()
        foreach ($line in $lines) {
            if ($line -match '^PS> (.*)') { $commands.Add($Matches[1]) }
            elseif ($line -match '^>> (.*)') { $commands[$commands.Count - 1] += "`n" + $Matches[1] }
        }
        $commands
    }

    # One test case per example: each '### Example N' of a command page, and each '## SECTION' of an
    # about topic that has ```powershell code (an about topic's indented blocks are not meant to run).
    function Get-HelpExample([string] $Path) {
        $page = [IO.Path]::GetFileNameWithoutExtension($Path)
        $text = Get-Content -LiteralPath $Path -Raw -Encoding UTF8
        if ($page -like 'about_*') {
            # An about topic's sections are '# SHORT DESCRIPTION', '# LONG DESCRIPTION' and '## subtopic' (PlatyPS's form).
            $units = $text -split '(?m)^#{1,2} ' | Select-Object -Skip 1 | Where-Object { $_ -match '```powershell' }
        }
        else {
            $examples = ($text -split '(?m)^## EXAMPLES\r?\n')[1] -split '(?m)^## ' | Select-Object -First 1
            $units = $examples -split '(?m)^### ' | Select-Object -Skip 1
        }
        foreach ($unit in $units) {
            $heading = ($unit -split '\r?\n')[0].Trim()
            $name = if ($heading -match '^Example (\d+):') { "$page example $($Matches[1])" } else { "$page $heading" }
            $fence = '(?ms)^```powershell\r?\n(.*?)^```'
            $code = ([regex]::Matches($unit, $fence) | ForEach-Object { $_.Groups[1].Value }) -join "`n"
            @{
                Name           = $name
                Commands       = @(if ($code) { Get-ExampleCommand $code })
                Prose          = $unit -replace $fence
                ExpectedErrors = @(if ($expectedErrors.ContainsKey($name)) { $expectedErrors[$name] })
            }
        }
    }

    $examples = @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs/help') -Filter '*.md' |
            Sort-Object Name | ForEach-Object { Get-HelpExample $_.FullName })
    $unknown = @($expectedErrors.Keys | Where-Object { $_ -notin $examples.Name })
}

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    # The Pester running this file, for the examples that are Pester tests or call Should.
    $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'

    # Runs the commands one at a time in a new runspace, as typed at a prompt, and returns the errors
    # they left in $Error, oldest first. $Error also holds the errors a command silenced, redirected
    # to the output or caught, and the one that stopped it.
    function Invoke-HelpExample([string[]] $Command) {
        $ps = [powershell]::Create()
        try {
            # Pester first, as Invoke-Pester loads it: KernelVm then registers its Should operators.
            if ($Command -match '\bShould\b') {
                $null = $ps.AddScript("Import-Module '$pester'").Invoke()
                $ps.Commands.Clear()
            }
            $null = $ps.AddScript("Import-Module '$manifest' -Force").Invoke()
            foreach ($c in $Command) {
                $ps.Commands.Clear()
                # A terminating error ends only its own command, as at a prompt; $Error keeps it.
                try { $null = $ps.AddScript($c).Invoke() } catch { }
            }
            $recorded = @($ps.Runspace.SessionStateProxy.PSVariable.GetValue('Error'))
            [array]::Reverse($recorded)
            foreach ($e in $recorded) {
                # -ErrorAction Stop records the error, then the exception that stopped on it.
                if ($e -is [System.Management.Automation.ActionPreferenceStopException]) { continue }
                if ($e -is [System.Management.Automation.ErrorRecord]) { $e } else { $e.ErrorRecord }
            }
        }
        finally {
            $ps.Dispose()
        }
    }

    # Runs an example that is a Pester test file, as a student would: saved to a file, in a new
    # runspace. (Pester 6 refuses a container made from an unbound script block.) Returns the run.
    function Invoke-HelpExampleTest([string] $Script) {
        $path = Join-Path $TestDrive 'HelpExample.Tests.ps1'
        Set-Content -LiteralPath $path -Value $Script
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$pester'; Import-Module '$manifest' -Force").Invoke()
            $ps.Commands.Clear()
            $ps.AddScript("Invoke-Pester -Path '$path' -PassThru -Output None").Invoke() | Select-Object -Last 1
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'Help examples' {
    It '<Name>' -ForEach $examples {
        $Commands | Should -Not -BeNullOrEmpty -Because "$Name needs a ``````powershell block"
        if ($Commands.Count -eq 1 -and $Commands[0] -match '(?m)^\s*Describe\b') {
            $run = Invoke-HelpExampleTest $Commands[0]
            $run.Failed | ForEach-Object { "$($_.ExpandedPath): $($_.ErrorRecord)" } | Should -BeNullOrEmpty
            $run.PassedCount | Should -BeGreaterThan 0
            return
        }

        $errors = @(Invoke-HelpExample $Commands)
        if ($ExpectedErrors.Count -eq 0) {
            $errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" } | Should -BeNullOrEmpty
        }
        else {
            @($errors | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' }) | Should -Be $ExpectedErrors
            foreach ($id in $ExpectedErrors) {
                $Prose | Should -Match "\b$id\b" -Because "the prose of $Name should name the error it shows"
            }
        }
    }

    It 'expects errors only of examples that exist' {
        $unknown | Should -BeNullOrEmpty
    } -TestCases @{ Unknown = $unknown }
}
