# A fixmap tour on an SMP 2.6.24 machine: what each index is, what set_fixmap and set_fixmap_nocache
# write, and how a snapshot sees it. Run: ./examples/fixmap-tour.ps1 (after ./build.ps1 -Task Build).

if (-not (Get-Module KernelVm)) { Import-Module (Join-Path $PSScriptRoot '../out/KernelVm/KernelVm.psd1') }

$m = New-VmMachine -Name fixmap-tour -Config R2 -Force

# 1. The enum from the top of the address space down: FIX_HOLE at 0xFFFFF000, then one page per index.
Get-Fixmap -Machine $m | Select-Object -First 8 | Format-Table Index, Name, VirtualAddress | Out-Host

# 2. The runs: kmap_atomic's slots are KM_TYPE_NR (13) x NR_CPUS (8) = 104 indices, FIX_KMAP_BEGIN..FIX_KMAP_END.
Get-Fixmap -Machine $m | Where-Object Name -Like 'FIX_KMAP_*' | Measure-Object | Select-Object @{ n = 'KmapAtomicSlots'; e = { $_.Count } } | Out-Host

# 3. Map the local APIC uncached and a page of RAM cached: PAGE_KERNEL_NOCACHE adds PCD.
$before = Get-VmSnapshot -Machine $m -Part Fixmap, Tlb
Set-Fixmap FIX_APIC_BASE 0xFEE00000 -NoCache -Machine $m -PassThru | Format-Table Name, VirtualAddress, PhysicalAddress, Flags | Out-Host
Set-Fixmap FIX_IO_APIC_BASE_0 0xFEC00000 -NoCache -Machine $m | Out-Null
Set-Fixmap FIX_PCIE_MCFG 0x100000 -Machine $m -PassThru | Format-Table Name, VirtualAddress, PhysicalAddress, Flags | Out-Host

# 4. The snapshot sees three PTEs change; the walk of the APIC slot ends at the APIC's registers.
Compare-VmSnapshot $before (Get-VmSnapshot -Machine $m -Part Fixmap, Tlb) | Format-Table Where, What, Old, New | Out-Host
Resolve-VmAddress (Get-Fixmap FIX_APIC_BASE -Machine $m).VirtualAddress -Machine $m | Out-Host

# 5. clear_fixmap takes the mapping away again.
Clear-Fixmap FIX_PCIE_MCFG -Machine $m -PassThru | Format-Table Name, Mapped, Pte | Out-Host
