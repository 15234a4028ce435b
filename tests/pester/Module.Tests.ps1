# Pester 5: the module's manifest and help, in the style of PSScriptAnalyzer's ModuleHelp.Tests.ps1.

BeforeDiscovery {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    $commands = Get-Command -Module KernelVm -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
}

Describe 'KernelVm manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest $manifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'runs on Windows PowerShell 5.1 and PowerShell 7' {
        (Test-ModuleManifest $manifest).CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }
}

Describe '<Name> help' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $parameters = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }
    }

    It 'has a synopsis' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *"
    }

    It 'has an example' {
        @($help.examples.example).Count | Should -BeGreaterThan 0
    }

    It 'describes every parameter' {
        foreach ($parameter in $parameters) {
            (Get-Help $Name -Parameter $parameter).description.Text -join '' | Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
        }
    }
}
