<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates KernelVm: the project's one task runner.
.DESCRIPTION
    Runs under `dotnet pwsh` (the local tool pinned in .config/dotnet-tools.json), an installed
    pwsh 7 and Windows PowerShell 5.1. On a machine with only the .NET SDK:

        dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

    Scripts that load the module (Pester, the examples) run in a child process of the same
    PowerShell, because a loaded binary module can be neither unloaded nor rebuilt in place.
.PARAMETER Task
    Build:    lays out the importable module in out/KernelVm (and restores the pinned Pester).
    Test:     Build, the xunit suites, then the Pester suite under every -PesterVersion (side by side,
              a process each), and a second time in the same session under the last of them; ends with
              one line "N passed, N failed" counted from the result files in out/TestResults.
    Help:     compiles docs/help into MAML (the build already does; this rebuilds only the help).
    Package:  a release build packed as the .nupkg the PowerShell Gallery takes, in out/package.
    Tour:     runs examples/tour.ps1 against the built module.
    Examples: runs every script in examples/ against the built module.
.PARAMETER PesterVersion
    The Pester versions the suite runs under; each must be one that tests/pester/KernelVm.Pester.csproj pins.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Test -PesterVersion 5.9.1
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Package', 'Tour', 'Examples')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [ValidateSet('5.9.1', '6.2.0')]
    [string[]] $PesterVersion = @('5.9.1', '6.2.0')
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/KernelVm'
$resultsDir = Join-Path $root 'out/TestResults'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

. (Join-Path $root 'tools/ChildPowerShell.ps1')

# Runs a script in a new process of the PowerShell running this one; returns its exit code.
function Invoke-ChildPowerShell {
    param([string] $Script)
    $child = Get-ChildPowerShell
    & $child.Path @($child.Arguments + '-Command', $Script) | Out-Host
    $LASTEXITCODE
}

# Starts a script file in a new process of the PowerShell running this one, its output going to a
# log (and a .err beside it); returns the process.
function Start-ChildPowerShell {
    param([string] $File, [string] $Log)
    $child = Get-ChildPowerShell
    $arguments = @($child.Arguments + '-File' + $File) | ForEach-Object { '"' + $_ + '"' }
    $process = Start-Process -FilePath $child.Path -ArgumentList $arguments -RedirectStandardOutput $Log -RedirectStandardError "$Log.err" -NoNewWindow -PassThru
    $null = $process.Handle   # Windows PowerShell reports no ExitCode for a process whose handle was never taken
    $process
}

function Get-NuGetPackagesFolder {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'KernelVm.sln'), '-c', $Configuration, '--nologo')
}

function Invoke-Test {
    Invoke-Build
    if (Test-Path $resultsDir) { Remove-Item $resultsDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $resultsDir

    & dotnet test (Join-Path $root 'KernelVm.sln') -c $Configuration --no-build --nologo --logger trx --results-directory $resultsDir
    $failedRuns = [int]($LASTEXITCODE -ne 0)

    # The Pester versions run side by side, each in a process of its own, and their output is
    # printed in order once all have ended.
    $packages = Get-NuGetPackagesFolder
    $runners = foreach ($version in $PesterVersion) {
        $pester = Join-Path $packages "pester/$version/tools/Pester.psd1"
        if (-not (Test-Path $pester)) { throw "Pester $version is not restored at $pester; run the Build task first." }
        $runs = if ($version -eq $PesterVersion[-1]) { 2 } else { 1 }
        $script = Join-Path $resultsDir "pester-$version.ps1"
        Set-Content -LiteralPath $script -Value (New-PesterScript $pester $version $runs) -Encoding UTF8
        $log = Join-Path $resultsDir "pester-$version.log"
        [pscustomobject]@{ Log = $log; Process = Start-ChildPowerShell $script $log }
    }
    foreach ($runner in $runners) {
        $runner.Process.WaitForExit()
        Get-Content -LiteralPath $runner.Log, "$($runner.Log).err" | Out-Host
        $failedRuns += [int]($runner.Process.ExitCode -ne 0)
    }

    $passed, $failed = Measure-TestResult $resultsDir
    if ($failedRuns -gt 0 -and $failed -eq 0) {
        # A runner failed before it could report a test: count it so the line never reads green.
        $failed = $failedRuns
    }
    "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

# The Pester suite under one Pester version, once or twice in the same session: everything a test
# creates it must be able to create again. The second run leaves out what runs in child processes of
# its own (the examples, tag Examples, and the labs, tag Labs, which re-run themselves) and the
# bad-input corpus (tag Corpus, 4000 cases).
function New-PesterScript {
    param([string] $Pester, [string] $Version, [int] $Runs)
    @"
`$ErrorActionPreference = 'Stop'
Import-Module '$Pester' -Force
`$failed = 0
foreach (`$run in 1..$Runs) {
    `$c = New-PesterConfiguration
    `$c.Run.Path = '$root/tests/pester'
    `$c.Run.PassThru = `$true
    if (`$run -eq 2) { `$c.Filter.ExcludeTag = 'Corpus', 'Labs', 'Examples' }
    `$c.Output.Verbosity = 'Normal'
    `$c.TestResult.Enabled = `$true
    `$c.TestResult.OutputFormat = 'NUnitXml'
    `$c.TestResult.OutputPath = '$resultsDir/pester-$Version-run' + `$run + '.xml'
    Write-Host "Pester $Version, run `$run of $Runs"
    `$r = Invoke-Pester -Configuration `$c
    if (`$r.Result -ne 'Passed') { `$failed++ }
}
exit `$failed
"@
}

# Sums the xunit (.trx) and Pester (NUnit XML) result files.
function Measure-TestResult {
    param([string] $Directory)
    $passed = 0
    $failed = 0
    foreach ($file in Get-ChildItem $Directory -Recurse -Include '*.trx', '*.xml') {
        [xml] $xml = Get-Content -LiteralPath $file.FullName -Raw
        if ($file.Extension -eq '.trx') {
            $counters = $xml.TestRun.ResultSummary.Counters
            $passed += [int]$counters.passed
            $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        }
        else {
            # Count the test cases themselves: Pester's NUnit total already leaves out the tests not run.
            $passed += $xml.SelectNodes("//test-case[@result='Success']").Count
            $failed += $xml.SelectNodes("//test-case[@result='Failure' or @result='Error']").Count
        }
    }
    $passed, $failed
}

function Invoke-Help {
    $compiler = Join-Path $root "tools/KernelVm.HelpCompiler/bin/$Configuration/net10.0/KernelVm.HelpCompiler.dll"
    Invoke-Native dotnet @('build', (Join-Path $root 'tools/KernelVm.HelpCompiler'), '-c', $Configuration, '--nologo')
    Invoke-Native dotnet @($compiler, (Join-Path $root 'docs/help'), (Join-Path $moduleDir 'en-US'))
}

function Invoke-Package {
    $script:Configuration = 'Release'
    Invoke-Build
    $packageDir = Join-Path $root 'out/package'
    $null = New-Item -ItemType Directory -Force -Path $packageDir
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

function Invoke-Example {
    param([string[]] $Path)
    Invoke-Build
    $failed = 0
    foreach ($script in $Path) {
        Write-Host "== $script" -ForegroundColor Cyan
        if ((Invoke-ChildPowerShell "`$ErrorActionPreference = 'Stop'; & '$script'") -ne 0) { $failed++ }
    }
    if ($failed -gt 0) { throw "$failed example script(s) failed." }
}

function Invoke-Tour { Invoke-Example (Join-Path $root 'examples/tour.ps1') }

# The labs are Pester assignments, graded by tests/pester/Labs.Tests.ps1 rather than run as scripts.
function Invoke-Examples { Invoke-Example (Get-ChildItem (Join-Path $root 'examples') -Filter '*.ps1' | ForEach-Object FullName) }

foreach ($t in $Task) {
    & "Invoke-$t"
}
