# Pester 5: Compare-VmSnapshot in a pipeline.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    $ErrorActionPreference = 'Stop'
}

Describe 'Compare-VmSnapshot' {
    BeforeAll {
        $name = 'snap-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $m = New-VmMachine -Name $name -MemorySize 2GB
        $booted = Get-VmSnapshot Pkmap -Machine $m
        $null = Invoke-Kmap 0x40000 -Machine $m
        $mapped = Get-VmSnapshot Pkmap -Machine $m
        $null = Invoke-Kunmap 0x40000 -Machine $m
        $unmapped = Get-VmSnapshot Pkmap -Machine $m
    }

    AfterAll {
        Remove-VmMachine $name
    }

    It 'compares each piped snapshot with the reference snapshot' {
        $differences = $mapped, $unmapped | Compare-VmSnapshot $booted
        @($differences | Where-Object What -eq PkmapCount).New | Should -Be 2, 1
    }

    It 'compares piped pairs, bound by property name' {
        $pairs = [pscustomobject]@{ ReferenceSnapshot = $booted; DifferenceSnapshot = $mapped },
            [pscustomobject]@{ ReferenceSnapshot = $mapped; DifferenceSnapshot = $unmapped }
        $states = $pairs | Compare-VmSnapshot | Where-Object What -eq State
        @($states).ForEach({ "$($_.Old)->$($_.New)" }) | Should -Be 'Free->InUse', 'InUse->Stale'
    }
}
