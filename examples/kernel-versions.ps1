# 2.4.22, 2.6.24 and 6.x side by side: the same 2 GiB SMP machine booted with each kernel.
# Run: ./examples/kernel-versions.ps1 (after ./build.ps1 -Task Build).

if (-not (Get-Module KernelVm)) { Import-Module (Join-Path $PSScriptRoot '../out/KernelVm/KernelVm.psd1') }

$machines = '2.4.22', '2.6.24', '6.x' | ForEach-Object {
    New-VmMachine -Name "kernel-$_" -KernelVersion $_ -MemorySize 2GB -Config R2 -Force
}

# 1. The landmarks of each layout. 2.4.22 puts the pkmaps at 0xFE000000; 2.6.24 just below the fixmaps.
$machines | ForEach-Object {
    $layout = Get-VmLayout -Machine $_
    [pscustomobject]@{
        Kernel        = $_.KernelVersion
        PageOffset    = $_.PageOffset
        HighMemory    = $_.HighMemory
        VmallocStart  = ($layout | Where-Object Name -EQ vmalloc).Start
        PkmapBase     = ($layout | Where-Object Name -EQ pkmap).Start
        FixaddrStart  = ($layout | Where-Object Name -EQ fixmap).Start
        Fixmaps       = @(Get-Fixmap -Machine $_).Count
    }
} | Format-Table | Out-Host

# 2. What moved between 2.4.22 and 2.6.24: regions by name, fixmaps by name (their indices and addresses).
$old, $mid, $new = $machines | ForEach-Object { Get-VmSnapshot -Machine $_ -Part Layout, Fixmap }
Compare-VmSnapshot $old $mid | Where-Object Part -EQ Layout | Format-Table Where, What, Change, Old, New | Out-Host
Compare-VmSnapshot $old $mid -Part Fixmap | Where-Object { $_.Where -in 'FIX_APIC_BASE', 'FIX_KMAP_BEGIN' } |
    Format-Table Where, What, Old, New | Out-Host

# 3. The fixmaps 2.6.24 has and 6.x dropped: FIX_VDSO and the ACPI pages.
Compare-VmSnapshot $mid $new -Part Fixmap | Where-Object Change -EQ Removed | Format-Table Where, Change | Out-Host
