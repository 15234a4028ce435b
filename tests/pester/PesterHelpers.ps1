# Dot-sourced by the test files that start a separate PowerShell, as a user would run a script.

. (Join-Path $PSScriptRoot '../../tools/ChildPowerShell.ps1')

# Runs a command in a new PowerShell without colour; returns its exit code and its text (both streams).
function Invoke-ChildPowerShell {
    param([Parameter(Mandatory)] [string] $Command)
    $child = Get-ChildPowerShell
    $env:NO_COLOR = '1'
    try {
        $output = & $child.Path @($child.Arguments + '-Command', $Command) 2>&1 | ForEach-Object { "$_" }
    }
    finally {
        Remove-Item Env:NO_COLOR
    }
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($output -join "`n") }
}
