# Lab 1, a typical wrong answer: PAGE_OFFSET typed as hex literals. PowerShell reads 0xC0000000 and
# 0x80000000 as negative Int32s, so every formula built on them is off by 4 GiB; 0x78000000 and
# 0x40000000 are positive, so 2G_OPT and 1G still come out right.

function Get-PageOffset {
    param([Parameter(Mandatory)] [string] $VmSplit)
    $offsets = @{
        '3G'     = 0xC0000000
        '3G_OPT' = 0xB0000000
        '2G'     = 0x80000000
        '2G_OPT' = 0x78000000
        '1G'     = 0x40000000
    }
    $offsets[$VmSplit]
}

function Get-MaxMem {
    param([Parameter(Mandatory)] [string] $VmSplit)
    4GB - (Get-PageOffset $VmSplit) - 128MB
}

function Get-HighMemory {
    param([Parameter(Mandatory)] [string] $VmSplit, [Parameter(Mandatory)] [uint64] $MemorySize)
    $lowmem = [Math]::Min([long]$MemorySize, [long](Get-MaxMem $VmSplit))
    (Get-PageOffset $VmSplit) + $lowmem
}

function ConvertTo-Pa {
    param([Parameter(Mandatory)] [uint64] $VirtualAddress, [Parameter(Mandatory)] [string] $VmSplit)
    $VirtualAddress - (Get-PageOffset $VmSplit)
}

function ConvertTo-Va {
    param([Parameter(Mandatory)] [uint64] $PhysicalAddress, [Parameter(Mandatory)] [string] $VmSplit)
    $PhysicalAddress + (Get-PageOffset $VmSplit)
}
