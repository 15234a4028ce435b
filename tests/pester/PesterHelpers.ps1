# Dot-sourced by the test files that need a separate PowerShell or a fresh session.

. (Join-Path $PSScriptRoot '../../tools/ChildPowerShell.ps1')

# Runs a command in a new PowerShell without colour; returns its exit code and its text (both streams).
# Each child has a temporary folder of its own: the examples write to fixed names there, and the
# suite runs under two Pester versions at once.
function Invoke-ChildPowerShell {
    param([Parameter(Mandatory)] [string] $Command)
    $child = Get-ChildPowerShell
    $temp = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ('kvm-child-' + [guid]::NewGuid().ToString('N')))
    $names = 'TMPDIR', 'TEMP', 'TMP'
    $saved = @{}
    foreach ($name in $names) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $temp.FullName)
    }
    $env:NO_COLOR = '1'
    try {
        $output = & $child.Path @($child.Arguments + '-Command', $Command) 2>&1 | ForEach-Object { "$_" }
        $exitCode = $LASTEXITCODE
    }
    finally {
        Remove-Item Env:NO_COLOR
        foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
    }
    [pscustomobject]@{ ExitCode = $exitCode; Text = ($output -join "`n") }
}

# Runs a script in a new runspace of this process with the module imported: a new runspace has no
# machines, as a new pwsh session has none. An error in it fails the test.
function Invoke-InFreshRunspace([string] $Script) {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    $ps = [powershell]::Create()
    try {
        $output = $ps.AddScript("Import-Module '$manifest' -Force`n$Script").Invoke()
        $ps.Streams.Error | Should -BeNullOrEmpty
        $output
    }
    finally {
        $ps.Dispose()
    }
}
