<#
.SYNOPSIS
    Builds, tests, documents and packages KernelVm.
.DESCRIPTION
    For people who have pwsh or Windows PowerShell. Without it, `dotnet build` and `dotnet test`
    do the same Build and Test (minus Pester), and the KernelVm.Shell host runs scripts.
.PARAMETER Task
    Build: lays out the importable module in out/KernelVm.
    Test: Build, the xunit suites, then Pester 5 in a child process when Pester is installed.
    Help: compiles docs/help into MAML with PlatyPS when installed (the build already compiles it).
    Package: a release build packed as the .nupkg the PowerShell Gallery takes, in out/package.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/KernelVm'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'KernelVm.sln'), '-c', $Configuration, '--nologo')
}

function Invoke-Test {
    Invoke-Build
    Invoke-Native dotnet @('test', (Join-Path $root 'KernelVm.sln'), '-c', $Configuration, '--no-build', '--nologo')

    $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed: skipped tests/pester. Install it with: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser'
        return
    }

    # A loaded binary module can never be unloaded, so Pester runs in a fresh process.
    $exe = (Get-Process -Id $PID).Path
    $script = "Import-Module Pester -MinimumVersion 5.0; `$c = New-PesterConfiguration; `$c.Run.Path = '$root/tests/pester'; `$c.Run.Exit = `$true; `$c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration `$c"
    Invoke-Native $exe @('-NoProfile', '-NonInteractive', '-Command', $script)
}

function Invoke-Help {
    Invoke-Build
    $platyPS = Get-Module -ListAvailable platyPS | Select-Object -First 1
    if (-not $platyPS) {
        Write-Warning 'platyPS is not installed: kept the MAML that the build compiled from docs/help.'
        return
    }

    Import-Module $platyPS
    New-ExternalHelp -Path (Join-Path $root 'docs/help') -OutputPath (Join-Path $moduleDir 'en-US') -Force | Out-Null
    Write-Verbose "platyPS $($platyPS.Version) compiled docs/help into $moduleDir/en-US"
}

function Invoke-Package {
    $script:Configuration = 'Release'
    Invoke-Build
    $packageDir = Join-Path $root 'out/package'
    New-Item -ItemType Directory -Force -Path $packageDir | Out-Null
    $repository = 'KernelVmLocal'
    if (Get-Command Publish-PSResource -ErrorAction SilentlyContinue) {
        Register-PSResourceRepository -Name $repository -Uri $packageDir -Trusted -ErrorAction SilentlyContinue
        try { Publish-PSResource -Path $moduleDir -Repository $repository }
        finally { Unregister-PSResourceRepository -Name $repository }
    }
    elseif (Get-Command Publish-Module -ErrorAction SilentlyContinue) {
        Register-PSRepository -Name $repository -SourceLocation $packageDir -PublishLocation $packageDir -InstallationPolicy Trusted
        try { Publish-Module -Path $moduleDir -Repository $repository }
        finally { Unregister-PSRepository -Name $repository }
    }
    else {
        throw 'Packaging needs PSResourceGet (PowerShell 7.4+) or PowerShellGet.'
    }

    Get-ChildItem $packageDir -Filter 'KernelVm.*.nupkg'
}

foreach ($t in $Task) {
    & "Invoke-$t"
}
