# The five user/kernel splits of i386 (CONFIG_VMSPLIT_*) on the same 4 GiB machine, side by side,
# exported to CSV. Run: ./examples/five-splits.ps1 (after ./build.ps1 -Task Build).

if (-not (Get-Module KernelVm)) { Import-Module (Join-Path $PSScriptRoot '../out/KernelVm/KernelVm.psd1') }

# 1. One machine per split. PAGE_OFFSET moves; in 2.6.24 lowmem always ends 128 MiB below the vmalloc
#    area's top, so the larger the kernel's share, the more RAM is lowmem.
$splits = '3G', '3G_OPT', '2G', '2G_OPT', '1G' | ForEach-Object {
    $m = New-VmMachine -Name "split-$_" -VmSplit $_ -MemorySize 4GB -Force
    $zones = Get-VmZone -Machine $m
    $vmalloc = Get-VmLayout -Kind Vmalloc -Machine $m
    [pscustomobject]@{
        Split      = $_
        PageOffset = $m.PageOffset
        LowmemMiB  = [int](($zones | Where-Object Name -NE HighMem | ForEach-Object { [uint64]$_.SpannedPages } | Measure-Object -Sum).Sum * 4KB / 1MB)
        HighmemMiB = [int](($zones | Where-Object Name -EQ HighMem | ForEach-Object { [uint64]$_.SpannedPages } | Measure-Object -Sum).Sum * 4KB / 1MB)
        VmallocMiB = [int]([uint64]$vmalloc.Size / 1MB)
    }
}
$splits | Format-Table | Out-Host

# 2. The table as CSV, for a spreadsheet or a plot.
$csv = Join-Path ([IO.Path]::GetTempPath()) 'kernelvm-splits.csv'
$splits | Export-Csv $csv -NoTypeInformation
Import-Csv $csv | Select-Object Split, PageOffset, LowmemMiB | Format-Table | Out-Host
Remove-Item $csv

# 3. 3G/1G against 1G/3G, region by region: only user space's end and the direct map's start move.
#    With 4 GiB of RAM lowmem reaches high_memory 0xF8000000 in every split, so vmalloc, the pkmaps
#    and the fixmaps stay where they are.
Compare-VmSnapshot (Get-VmSnapshot -Part Layout -Machine split-3G) (Get-VmSnapshot -Part Layout -Machine split-1G) |
    Format-Table Where, What, Old, New | Out-Host
