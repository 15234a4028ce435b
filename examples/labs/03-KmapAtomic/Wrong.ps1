# Lab 3, a typical wrong answer: the kmap_atomic() index forgets KM_TYPE_NR * cpu, so every CPU
# would share CPU 0's slots. On the uniprocessor R1, and on CPU 0 of R2, it still comes out right.

function Get-FixToVirt {
    param([Parameter(Mandatory)] [int] $Index, [uint64] $FixaddrTop = [uint64]'0xFFFFF000')
    $FixaddrTop - ([uint64]$Index -shl 12)
}

function Get-VirtToFix {
    param([Parameter(Mandatory)] [uint64] $VirtualAddress, [uint64] $FixaddrTop = [uint64]'0xFFFFF000')
    ($FixaddrTop - ($VirtualAddress -band [uint64]'0xFFFFF000')) -shr 12
}

function Get-KmapAtomicIndex {
    param(
        [Parameter(Mandatory)] [int] $FixKmapBegin,
        [Parameter(Mandatory)] [int] $KmType,
        [Parameter(Mandatory)] [int] $Cpu,
        [Parameter(Mandatory)] [int] $KmTypeNr
    )
    $FixKmapBegin + $KmType
}

function Get-KmapAtomicAddress {
    param([Parameter(Mandatory)] $Machine, [Parameter(Mandatory)] [int] $KmType, [Parameter(Mandatory)] [int] $Cpu)
    $begin = (Get-Fixmap -Name FIX_KMAP_BEGIN -Machine $Machine).Index
    Get-FixToVirt (Get-KmapAtomicIndex -FixKmapBegin $begin -KmType $KmType -Cpu $Cpu -KmTypeNr $Machine.KmTypeNr)
}
