# A short tour of KernelVm. On a fresh clone:
#   dotnet tool restore && dotnet pwsh ./build.ps1 -Task Tour
# or, once built, in any pwsh or Windows PowerShell: ./examples/tour.ps1
# Machines are created with -Force, so the tour can run again in the same session.

if (-not (Get-Module KernelVm)) { Import-Module (Join-Path $PSScriptRoot '../out/KernelVm/KernelVm.psd1') }

# Each step ends in Out-Host so that it prints as its own table, as it would typed at a prompt.

# 1. Boot the default machine: i386, 3G/1G split, kernel 2.6.24, 1 GiB of RAM.
New-VmMachine -Name tour -Force -Verbose | Out-Host

# 2. The kernel is loaded at 1 MiB; in the direct map that is PAGE_OFFSET + 1 MiB.
ConvertTo-PhysicalAddress 0xC0100000 | Out-Host

# 3. __va goes the other way; the PhysicalAddress property binds by name, so the round trip needs no glue.
ConvertTo-VirtualAddress 0x100000 | ConvertTo-PhysicalAddress | Out-Host

# 4. Addresses compare with hex literals as typed (0xF0000000 is an Int32 to PowerShell).
0xC0100000, 0xC8000000, 0xF7000000 | ConvertTo-PhysicalAddress | Where-Object VirtualAddress -gt 0xC4000000 | Out-Host

# 5. The split decides where lowmem starts; with 4 GiB of RAM, lowmem always ends at 0xF8000000 in 2.6.24.
'3G', '3G_OPT', '2G', '2G_OPT', '1G' | ForEach-Object { New-VmMachine -Name "split-$_" -VmSplit $_ -MemorySize 4GB -Force } | Out-Host

# 6. The whole virtual address space, bottom to top, and the split table (Mauerer, Table 3-6).
Get-VmLayout -Machine tour | Out-Host
Get-VmSplitTable | Out-Host

# 7. Zones, the node, and a few page descriptors (crash's kmem -z, kmem -n, kmem -p).
Get-VmZone -Machine tour | Out-Host
Get-VmNode -Machine tour | Out-Host
Get-VmPage -Pfn 0, 0x100, 0x1000, 0x38000 -Machine tour | Out-Host

# 8. vtop: the walk through swapper_pg_dir for kernel text, a fixmap slot and a user address.
Resolve-VmAddress 0xC0100000, 0xFFFFC000, 0x08048000 -Machine tour | Out-Host

# 9. What the kernel printed while it booted.
Get-VmBootLog -Machine tour | Out-Host

# 10. Persistent kmaps: three highmem pages take slots 1, 2, 3 (not 0), each with count 2.
$null = New-VmMachine -Name kmaps -MemorySize 2GB -Force
0x40000, 0x40001, 0x40002 | Invoke-Kmap | Out-Host

# 11. kunmap to count 1: the slot is Stale (no users, mapping and TLB entry kept) until the next flush.
Invoke-Kunmap 0x40000 | Out-Host
Get-PkmapCount -InUse | Out-Host
Get-PageAddress 0x40000 | Out-Host

# 12. kmap_atomic uses a per-CPU fixmap slot; the steps the kernel took are in the event log.
Invoke-KmapAtomic 0x40005 KM_USER0 -Touch | Out-Host
Get-VmEvent -Last 6 | Out-Host

# 13. A high-memory page has no permanent mapping: the error says what to do instead.
ConvertTo-VirtualAddress 0x40000000 -ErrorAction SilentlyContinue -ErrorVariable problem
"Error id: $($problem[0].FullyQualifiedErrorId)"
