# Dot-sourced by build.ps1 and the tests: how to start a new process of the PowerShell running this
# one, whether it is an installed pwsh, `dotnet pwsh.dll` (the local tool) or Windows PowerShell.

# The executable and the arguments that come before -Command.
function Get-ChildPowerShell {
    $exe = (Get-Process -Id $PID).Path
    $arguments = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass')
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments
    }
    [pscustomobject]@{ Path = $exe; Arguments = $arguments }
}
