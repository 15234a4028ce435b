# Grades Lab 3. A student runs `Invoke-Pester ./Lab.Tests.ps1`, which grades ./Lab.ps1; an instructor
# grades another file with a container: New-PesterContainer -Path ./Lab.Tests.ps1 -Data @{ Solution = './Solution.ps1' }
param(
    # The script that defines the lab's functions; a relative path is taken from this folder.
    [string] $Solution = 'Lab.ps1'
)

BeforeDiscovery {
    $fixmaps = @(
        @{ Config = 'R1'; Name = 'FIX_HOLE' }
        @{ Config = 'R1'; Name = 'FIX_KMAP_BEGIN' }
        @{ Config = 'R1'; Name = 'FIX_KMAP_END' }
        @{ Config = 'R2'; Name = 'FIX_APIC_BASE' }
        @{ Config = 'R2'; Name = 'FIX_KMAP_BEGIN' }
        @{ Config = 'R2'; Name = 'FIX_KMAP_END' }
    )
    $addresses = @(
        @{ Config = 'R1'; Address = '0xFFFFB123' }
        @{ Config = 'R2'; Address = '0xFFF90000' }
        @{ Config = 'R2'; Address = '0xFFF53FFF' }
    )
    # km_type values from include/asm-x86/kmap_types.h (2.6.24, no DEBUG_HIGHMEM).
    $slots = @(
        @{ Config = 'R1'; Type = 'KM_USER0'; KmType = 3; Cpu = 0 }
        @{ Config = 'R1'; Type = 'KM_SOFTIRQ1'; KmType = 12; Cpu = 0 }
        @{ Config = 'R2'; Type = 'KM_USER0'; KmType = 3; Cpu = 0 }
        @{ Config = 'R2'; Type = 'KM_USER0'; KmType = 3; Cpu = 3 }
        @{ Config = 'R2'; Type = 'KM_PTE0'; KmType = 7; Cpu = 7 }
    )
}

BeforeAll {
    # The module as this repository builds it, else the installed one.
    if (-not (Get-Module KernelVm)) {
        $built = Join-Path $PSScriptRoot '../../../out/KernelVm/KernelVm.psd1'
        if (Test-Path $built) { Import-Module $built } else { Import-Module KernelVm }
    }
    . $(if ([IO.Path]::IsPathRooted($Solution)) { $Solution } else { Join-Path $PSScriptRoot $Solution })

    # The unique suffix lets the lab run any number of times in one session.
    $tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $machines = @{
        R1 = New-VmMachine -Name "lab3-R1-$tag" -Config R1 -MemorySize 2GB
        R2 = New-VmMachine -Name "lab3-R2-$tag" -Config R2 -MemorySize 2GB
    }

    # What kmap_atomic() itself does: map a highmem page in the slot, then free the slot again.
    function Invoke-KernelKmapAtomic($Machine, [string] $Type, [int] $Cpu) {
        $result = Invoke-KmapAtomic 0x40000 $Type -Cpu $Cpu -Machine $Machine
        Invoke-KunmapAtomic $result.VirtualAddress $Type -Cpu $Cpu -Machine $Machine
        $result
    }
}

AfterAll {
    Remove-VmMachine "lab3-*-$tag"
}

Describe 'Lab 3: kmap_atomic and fixmaps' {
    Context 'fix_to_virt and virt_to_fix' {
        It 'fix_to_virt(<Name>) on <Config> is where Get-Fixmap says' -ForEach $fixmaps {
            $fixmap = Get-Fixmap -Name $Name -Machine $machines[$Config]
            Get-FixToVirt -Index $fixmap.Index | Should -Be $fixmap.VirtualAddress -Because "$Name is index $($fixmap.Index) of enum fixed_addresses, and __fix_to_virt(x) = FIXADDR_TOP - (x << PAGE_SHIFT) with FIXADDR_TOP 0xFFFFF000 (include/asm-x86/fixmap_32.h): higher indices lie lower"
        }

        It 'virt_to_fix(<Address>) on <Config> is the index Get-Fixmap says' -ForEach $addresses {
            $expected = (Get-Fixmap -VirtualAddress $Address -Machine $machines[$Config]).Index
            Get-VirtToFix -VirtualAddress ([uint64]$Address) | Should -Be $expected -Because '__virt_to_fix(x) = (FIXADDR_TOP - (x & PAGE_MASK)) >> PAGE_SHIFT: the offset in the page does not count'
        }
    }

    Context 'kmap_atomic slots' {
        It '<Type> on CPU <Cpu> of <Config> has the fixmap index kmap_atomic() uses' -ForEach $slots {
            $m = $machines[$Config]
            $begin = (Get-Fixmap -Name FIX_KMAP_BEGIN -Machine $m).Index
            $kernel = Invoke-KernelKmapAtomic $m $Type $Cpu
            Get-KmapAtomicIndex -FixKmapBegin $begin -KmType $KmType -Cpu $Cpu -KmTypeNr $m.KmTypeNr | Should -Be $kernel.FixmapIndex -Because "kmap_atomic() (arch/x86/mm/highmem_32.c) uses idx = type + KM_TYPE_NR * smp_processor_id(), here $KmType + $($m.KmTypeNr) * $Cpu, at FIX_KMAP_BEGIN + idx: every CPU has its own block of KM_TYPE_NR slots"
        }

        It '<Type> on CPU <Cpu> of <Config> is at the address kmap_atomic() returns' -ForEach $slots {
            $m = $machines[$Config]
            $kernel = Invoke-KernelKmapAtomic $m $Type $Cpu
            Get-KmapAtomicAddress -Machine $m -KmType $KmType -Cpu $Cpu | Should -Be $kernel.VirtualAddress -Because 'vaddr = __fix_to_virt(FIX_KMAP_BEGIN + type + KM_TYPE_NR * cpu): two CPUs never share a slot, so neither needs a lock or a cross-CPU TLB flush'
        }

        It 'R2 gives each of its 8 CPUs its own 13 slots' {
            $m = $machines.R2
            $begin = (Get-Fixmap -Name FIX_KMAP_BEGIN -Machine $m).Index
            $indices = foreach ($cpu in 0..7) { foreach ($type in 0..12) { Get-KmapAtomicIndex -FixKmapBegin $begin -KmType $type -Cpu $cpu -KmTypeNr $m.KmTypeNr } }
            @($indices | Sort-Object -Unique).Count | Should -Be 104 -Because 'FIX_KMAP_END = FIX_KMAP_BEGIN + KM_TYPE_NR * NR_CPUS - 1 (include/asm-x86/fixmap_32.h): 13 km_types times 8 CPUs'
            ($indices | Measure-Object -Maximum).Maximum | Should -Be (Get-Fixmap -Name FIX_KMAP_END -Machine $m).Index
        }
    }
}
