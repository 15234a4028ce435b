# A whole experiment on persistent kmaps: drive pkmap to exhaustion with a seeded workload, release
# the pages, look at what changed, save the machine, reload it, and export a CSV and a picture.
# Run: ./examples/pkmap-experiment.ps1 (after ./build.ps1 -Task Build). Files go to a temp folder.

if (-not (Get-Module KernelVm)) { Import-Module (Join-Path $PSScriptRoot '../out/KernelVm/KernelVm.psd1') }
$out = Join-Path ([IO.Path]::GetTempPath()) 'kernelvm-pkmap-experiment'
$null = New-Item -ItemType Directory $out -Force

# 1. Boot: 2 GiB, so 1152 MiB of highmem behind 1024 pkmap slots.
$m = New-VmMachine -Name pkmap-lab -MemorySize 2GB -Force

# 2. Eight tasks each keep up to 200 kmaps of 4096 pages: 1600 wanted, 1024 slots. The run ends in the
#    kmap deadlock (every slot held, every task asleep on pkmap_map_wait). The CSV records the pressure.
$steps = Invoke-VmWorkload -Machine $m -Seed 7 -TaskCount 8 -MaxHeld 200 -PageCount 4096 -Mix @{ Kmap = 1 } -Count 5000 -WarningAction SilentlyContinue
$steps | Export-Csv (Join-Path $out 'pressure.csv') -NoTypeInformation
$last = $steps[-1]
"Workload: $($last.Step) steps, result $($last.Result), $($last.SlotsInUse) slots in use, $($last.BlockedTasks) tasks asleep"

# 3. The state at the deadlock, then another task releases 50 kmaps. The kunmap that brings a count to 1
#    wakes the sleepers; their retried kmaps wrap, flush the stale slots and map their pages.
$atDeadlock = Get-VmSnapshot -Machine $m
$held = Get-PkmapCount -InUse -Machine $m | Select-Object -First 50
$held | ForEach-Object { Invoke-Kunmap $_.Pfn -Task releaser -Machine $m } | Out-Null
$released = Get-VmSnapshot -Machine $m

# 4. What the release changed, part by part.
Compare-VmSnapshot $atDeadlock $released | Group-Object Part, What -NoElement | Sort-Object Count -Descending |
    Format-Table Count, Name | Out-Host
"Flushes so far: $((Get-VmEvent -Machine $m | Where-Object Kind -EQ FlushAllZeroPkmaps | Measure-Object).Count) in the log"

# 5. Save, reload under another name, compare: nothing differs.
Export-VmMachine (Join-Path $out 'pkmap-lab.json') -Machine $m
$reloaded = Import-VmMachine (Join-Path $out 'pkmap-lab.json') -Name pkmap-lab-reloaded -Force
"Differences after save and reload: $(@(Compare-VmSnapshot $released (Get-VmSnapshot -Machine $reloaded)).Count)"

# 6. A picture of the address space with the slots' states, and the files written.
Export-VmLayout (Join-Path $out 'pkmap-lab.svg') -Machine $m
Get-ChildItem $out | Sort-Object Name | Format-Table Name, Length | Out-Host
Remove-Item $out -Recurse -Force
