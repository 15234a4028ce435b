<#
.SYNOPSIS
    Times KernelVm's cmdlets against a no-op binary cmdlet in the same process and prints the ratios.
.DESCRIPTION
    Builds benchmarks/NoOpCmdlet and a Release layout of KernelVm (in out/bench), imports both, then
    runs interleaved rounds (each round times every case once, so drift hits all alike) and reports
    medians of CPU time per object. Import-Module is timed in fresh processes, again interleaved.

        dotnet pwsh -NoProfile ./benchmarks/cmdlets.ps1
.PARAMETER Objects
    Objects piped per case and round.
.PARAMETER Rounds
    Interleaved rounds; the first is a warm-up and is not counted.
.PARAMETER StreamGiB
    The PAE machine whose every page Get-VmPage streams (the issue's 64 GiB: 16M pages per pass).
.PARAMETER StreamRounds
    Interleaved rounds of the stream, warm-up included.
#>
[CmdletBinding()]
param(
    [int] $Objects = 2000,
    [int] $Rounds = 11,
    [int] $ImportRounds = 9,
    [int] $StreamGiB = 64,
    [int] $StreamRounds = 4
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
$outDir = Join-Path $root 'out/bench'
. (Join-Path $root 'tools/ChildPowerShell.ps1')
if (Get-Module KernelVm) { throw 'KernelVm is loaded in this session; run the script in a new one.' }

& dotnet build (Join-Path $PSScriptRoot 'NoOpCmdlet') -c Release --nologo -v q -o (Join-Path $outDir 'NoOp') | Out-Null
if ($LASTEXITCODE) { throw 'Building NoOpCmdlet failed.' }
& dotnet build (Join-Path $root 'src/KernelVm.PowerShell') -c Release --nologo -v q "-p:ModuleOutDir=$outDir/KernelVm/" | Out-Null
if ($LASTEXITCODE) { throw 'Building KernelVm failed.' }
$noOpModule = Join-Path $outDir 'NoOp/NoOpCmdlet.dll'
$kernelVmModule = Join-Path $outDir 'KernelVm/KernelVm.psd1'

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

# Median microseconds of CPU time per object of each case, over interleaved rounds after a warm-up.
# CPU time rather than elapsed time: shared machines are busy, and it still counts the GC's threads.
$process = [Diagnostics.Process]::GetCurrentProcess()
function Measure-Interleaved([System.Collections.Specialized.OrderedDictionary] $Cases, [int] $PerRound, [int] $Rounds = $Rounds) {
    $times = @{}
    foreach ($name in $Cases.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -lt $Rounds; $round++) {
        foreach ($name in $Cases.Keys) {
            $cpu = $process.TotalProcessorTime
            & $Cases[$name]
            $process.Refresh()
            if ($round -gt 0) { $times[$name].Add(($process.TotalProcessorTime - $cpu).TotalMilliseconds * 1000 / $PerRound) }
        }
    }
    $medians = [ordered]@{}
    foreach ($name in $Cases.Keys) { $medians[$name] = Get-Median $times[$name] }
    $medians
}

function Format-Ratio([string] $Work, [double] $Floor, [double] $Cost, [string] $Target) {
    [pscustomobject]@{
        Work = $Work; 'No-op (us)' = [math]::Round($Floor, 2); 'KernelVm (us)' = [math]::Round($Cost, 2)
        Ratio = [math]::Round($Cost / $Floor, 2); Target = $Target
    }
}

Import-Module $noOpModule
Import-Module $kernelVmModule
$lab = New-VmMachine -MemorySize 2GB
$vas = [uint64[]](0..($Objects - 1) | ForEach-Object { 0xC0100000L + 4096L * $_ })
$pfns = [uint64[]](0..($Objects - 1) | ForEach-Object { 0x40000L + $_ % 512 })   # 512 pages: kmaps reuse slots, never block

$piped = Measure-Interleaved ([ordered]@{
    'no-op'      = { $pfns | Invoke-NoOp | Out-Null }
    '__pa'       = { $vas | ConvertTo-PhysicalAddress | Out-Null }
    'kmap'       = { $pfns | Invoke-Kmap | Out-Null }
    'kunmap'     = { $pfns | Invoke-Kunmap | Out-Null }
    'Get-VmPage' = { $pfns | Get-VmPage | Out-Null }
}) $Objects

# Snapshots have no no-op twin: their cost per call is reported as is, on the machine the kmaps left busy.
$before = Get-VmSnapshot -Machine $lab
$fork = Copy-VmMachine -Name fork -Machine $lab
$snapshots = Measure-Interleaved ([ordered]@{
    'Get-VmSnapshot'     = { $null = Get-VmSnapshot -Machine $lab }
    'Compare-VmSnapshot' = { $null = Compare-VmSnapshot $before (Get-VmSnapshot -Machine $fork) }
    'Copy-VmMachine'     = { $null = Copy-VmMachine -Name scratch -Force -Machine $lab }
}) 1

$stream = New-VmMachine -Name stream -Architecture X86Pae -MemorySize ([uint64]$StreamGiB * 1GB)
$pages = [int]$stream.MaxPfn
$heapBefore = [GC]::GetTotalMemory($true)
$streamed = Measure-Interleaved ([ordered]@{
    'no-op'      = { Invoke-NoOp -InputObject 1 -Repeat $pages | Out-Null }
    'Get-VmPage' = { Get-VmPage -Machine $stream | Out-Null }
}) $pages $StreamRounds
$heapGrowth = [GC]::GetTotalMemory($true) - $heapBefore

$child = Get-ChildPowerShell
$imports = @{ 'no-op' = [Collections.Generic.List[double]]::new(); KernelVm = [Collections.Generic.List[double]]::new() }
for ($round = 0; $round -lt $ImportRounds; $round++) {
    foreach ($module in @(@('no-op', $noOpModule), @('KernelVm', $kernelVmModule))) {
        $script = "`$p = [Diagnostics.Process]::GetCurrentProcess(); `$c = `$p.TotalProcessorTime; Import-Module '$($module[1])'; `$p.Refresh(); (`$p.TotalProcessorTime - `$c).TotalMilliseconds"
        $ms = & $child.Path @($child.Arguments + '-Command', $script)
        $imports[$module[0]].Add([double]$ms)
    }
}

$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
"Machine: $([Environment]::ProcessorCount) CPUs, $cpu; PowerShell $($PSVersionTable.PSVersion); $Objects objects x $($Rounds - 1) rounds"
@(
    Format-Ratio 'ConvertTo-PhysicalAddress, piped, per object' $piped['no-op'] $piped['__pa'] '<= 1.5'
    Format-Ratio 'Invoke-Kmap then Invoke-Kunmap, piped, per object' (2 * $piped['no-op']) ($piped['kmap'] + $piped['kunmap']) '<= 1.5'
    Format-Ratio 'Get-VmPage, piped pfns, per object' $piped['no-op'] $piped['Get-VmPage'] '<= 1.5'
    Format-Ratio "Get-VmPage streaming all $pages pages of a $StreamGiB GiB PAE machine, per page" $streamed['no-op'] $streamed['Get-VmPage'] '<= 1.11 (0.9x the floor''s rate)'
    Format-Ratio 'Import-Module (ms, not us)' (Get-Median $imports['no-op']) (Get-Median $imports['KernelVm']) '<= 2'
) | Format-Table -AutoSize | Out-String -Width 200
$snapshots.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Work = "$($_.Key), per call"; 'KernelVm (ms)' = [math]::Round($_.Value / 1000, 2) } } |
    Format-Table -AutoSize | Out-String -Width 200
"Heap growth over $($StreamRounds) streams of $pages pages: $([math]::Round($heapGrowth / 1KB)) KB"
