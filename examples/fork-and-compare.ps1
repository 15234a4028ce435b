# Fork an experiment and compare the branches: two machines in the same state go different ways.
# Run: ./examples/fork-and-compare.ps1 (after ./build.ps1 -Task Build).

if (-not (Get-Module KernelVm)) { Import-Module (Join-Path $PSScriptRoot '../out/KernelVm/KernelVm.psd1') }

# 1. A 2 GiB machine with three highmem pages mapped by one task.
$base = New-VmMachine -Name fork-base -MemorySize 2GB -Force
$high = [uint64](Get-VmZone -Name HighMem -Machine $base).StartPfn
0..2 | ForEach-Object { $high + $_ } | Invoke-Kmap -Task reader -Machine $base | Out-Null

# 2. Fork it. The copy starts in the same state: comparing the two finds nothing.
$fork = Copy-VmMachine fork-branch -Machine $base -Force
"Differences right after the fork: $(@(Compare-VmSnapshot (Get-VmSnapshot -Machine $base) (Get-VmSnapshot -Machine $fork)).Count)"

# 3. The base releases its pages; the fork maps more. kunmap leaves the slots Stale (count 1).
$before = Get-VmSnapshot -Machine $base
0..2 | ForEach-Object { $high + $_ } | Invoke-Kunmap -Task reader -Machine $base | Out-Null
3..5 | ForEach-Object { $high + $_ } | Invoke-Kmap -Task writer -Machine $fork | Out-Null

# 4. What kunmap changed in the base: pkmap_count 2 -> 1, in use -> stale, and nothing else.
Compare-VmSnapshot $before (Get-VmSnapshot -Machine $base) | Format-Table Part, Where, What, Old, New | Out-Host

# 5. The two branches side by side, on the pkmap and the tasks only.
Compare-VmSnapshot (Get-VmSnapshot -Machine $base) (Get-VmSnapshot -Machine $fork) -Part Pkmap, Tasks |
    Format-Table Part, Where, What, Change, Old, New | Out-Host

# 6. Save the fork, load it back under another name: the reloaded machine is the same machine.
$file = Join-Path ([IO.Path]::GetTempPath()) 'kernelvm-fork.json'
Export-VmMachine $file -Machine $fork
$reloaded = Import-VmMachine $file -Name fork-reloaded -Force
"Differences after save and reload: $(@(Compare-VmSnapshot (Get-VmSnapshot -Machine $fork) (Get-VmSnapshot -Machine $reloaded)).Count)"
Remove-Item $file
