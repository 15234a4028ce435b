# Pester 5: the module's manifest and help, in the style of PSScriptAnalyzer's ModuleHelp.Tests.ps1.

BeforeDiscovery {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    $commands = Get-Command -Module KernelVm -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }
    $root = Join-Path $PSScriptRoot '../..'
    $examples = (Resolve-Path (Join-Path $root 'examples')).Path
    $scripts = @(Get-ChildItem $examples -Filter *.ps1 -Recurse | ForEach-Object { @{ File = 'examples' + $_.FullName.Substring($examples.Length).Replace('\', '/') } }) +
        @(@{ File = 'build.ps1' })
}

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    # An error nobody expected fails the test; tests that expect errors say so with -ErrorAction.
    $ErrorActionPreference = 'Stop'
    $root = Join-Path $PSScriptRoot '../..'
}

Describe 'KernelVm manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest $manifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'runs on Windows PowerShell 5.1 and PowerShell 7' {
        (Test-ModuleManifest $manifest).CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'has the fields the Gallery needs: editions, PowerShellVersion 5.1, LicenseUri, ProjectUri, Tags' {
        $m = Test-ModuleManifest $manifest
        $m | Should -HaveCount 1
        $m.CompatiblePSEditions | Should -BeExactly @('Desktop', 'Core')
        $m.PowerShellVersion | Should -Be ([version]'5.1')
        $m.LicenseUri | Should -Not -BeNullOrEmpty
        $m.ProjectUri | Should -Not -BeNullOrEmpty
        $m.Tags | Should -Not -BeNullOrEmpty
    }

    It 'lists every cmdlet explicitly and nothing else' {
        $text = Get-Content -Raw (Join-Path $root 'KernelVm.psd1')
        (($text -split 'CmdletsToExport')[1] -split '\)')[0].Contains('*') | Should -Be $false
        $listed = @((Test-ModuleManifest $manifest).ExportedCmdlets.Keys | Sort-Object)
        $cmdletClasses = @([KernelVm.PowerShell.Commands.NewVmMachineCommand].Assembly.GetExportedTypes() |
            Where-Object { $_.IsDefined([System.Management.Automation.CmdletAttribute], $false) })
        @((Get-Command -Module KernelVm -CommandType Cmdlet).Name | Sort-Object) | Should -BeExactly $listed
        $cmdletClasses.Count | Should -Be $listed.Count
    }

    It 'installs the about_KernelVm topic' {
        (Get-Help about_KernelVm) -join "`n" | Should -BeLikeExactly '*New-VmMachine*'
    }

    It 'installs every about topic of docs/help' {
        foreach ($file in Get-ChildItem (Join-Path $root 'docs/help') -Filter about_*.md) {
            (Get-Help $file.BaseName) -join "`n" | Should -BeLikeExactly "TOPIC*$($file.BaseName)*SEE ALSO*" -Because $file.Name
        }
    }

    It 'resolves the aliases __pa and __va to their cmdlets' {
        (Get-Command __pa).ResolvedCommandName | Should -BeExactly 'ConvertTo-PhysicalAddress'
        (Get-Command __va).ResolvedCommandName | Should -BeExactly 'ConvertTo-VirtualAddress'
    }
}

Describe '<Name> conventions' -ForEach $commands {
    BeforeAll {
        $type = (Get-Command $Name).ImplementingType
    }

    It 'is sealed' {
        $type.IsSealed | Should -Be $true -Because "$Name is not sealed"
    }

    It 'declares its OutputType' {
        $type.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $false) | Should -Not -BeNullOrEmpty
    }

    It 'has an approved verb' {
        $approved = [System.Management.Automation.VerbsCommon].GetFields().Name +
            [System.Management.Automation.VerbsData].GetFields().Name +
            [System.Management.Automation.VerbsLifecycle].GetFields().Name +
            [System.Management.Automation.VerbsDiagnostic].GetFields().Name +
            [System.Management.Automation.VerbsCommunications].GetFields().Name +
            [System.Management.Automation.VerbsSecurity].GetFields().Name +
            [System.Management.Automation.VerbsOther].GetFields().Name
        ($Name -split '-')[0] -in $approved | Should -Be $true -Because "$Name has an unapproved verb"
    }

    It 'takes pipeline input by property name' {
        (Get-Command $Name).Parameters.Values |
            Where-Object { $_.Attributes.ValueFromPipelineByPropertyName -contains $true } |
            Should -Not -BeNullOrEmpty -Because "$Name takes no pipeline input"
    }
}

Describe '<Name> help' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        # A DontShow parameter is plumbing (a piped machine), hidden from help and completion alike.
        $parameters = (Get-Command $Name).Parameters.Values |
            Where-Object { $_.Name -notin $common -and -not ($_.Attributes.DontShow -contains $true) } | ForEach-Object Name
    }

    It 'has a synopsis' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *"
        "$($help.Synopsis)".Trim() | Should -Not -BeNullOrEmpty
        "$($help.Synopsis)".Trim().StartsWith($Name, [System.StringComparison]::Ordinal) | Should -Be $false -Because "$Name has no synopsis"
    }

    It 'has a description' {
        $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has an example' {
        @($help.examples.example).Count | Should -BeGreaterThan 0
    }

    It 'describes every parameter' {
        foreach ($parameter in $parameters) {
            $text = @((Get-Help $Name -Parameter $parameter).description.Text -join '')
            $text | Should -HaveCount 1 -Because "-$parameter needs help"
            $text[0].Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
        }
    }
}

Describe 'Get-Help -Online' {
    It 'is not offered: no related link is a docs/help file name' {
        foreach ($command in Get-Command -Module KernelVm -CommandType Cmdlet) {
            (Get-Help $command.Name).relatedLinks.navigationLink.uri | Where-Object { $_ } | Should -BeNullOrEmpty -Because $command.Name
        }
        { Get-Help New-VmMachine -Online -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidOperation,Microsoft.PowerShell.Commands.GetHelpCommand'
    }
}

Describe 'Tab completion' {
    It 'completes kernel versions, kernel options, configs, km_types and fixmap names' {
        function Get-Completion([string] $Line) {
            (TabExpansion2 $Line $Line.Length).CompletionMatches.CompletionText
        }

        Get-Completion 'New-VmMachine -KernelVersion 2.' | Should -BeExactly @('2.4.22', '2.6.24')
        Get-Completion 'New-VmMachine -KernelOption X86_I' | Should -Contain 'X86_IO_APIC'
        Get-Completion 'New-VmMachine -Config R' | Should -BeExactly @('R1', 'R2')
        # The last two complete against the session's most recent machine: this R2.
        $null = New-VmMachine -Config R2
        Get-Completion 'Invoke-KmapAtomic 0x40000 -Type KM_US' | Should -BeExactly @('KM_USER0', 'KM_USER1')
        Get-Completion 'Get-Fixmap -Name FIX_AP' | Should -BeExactly @('FIX_APIC_BASE')
    }

    It 'completes -VmSplit and -HighMem in the spelling the docs use' {
        function Get-Completion([string] $Line) {
            (TabExpansion2 $Line $Line.Length).CompletionMatches.CompletionText
        }

        Get-Completion 'New-VmMachine -VmSplit 2' | Should -BeExactly @('2G', '2G_OPT')
        Get-Completion 'New-VmMachine -VmSplit ' | Should -BeExactly @('3G', '3G_OPT', '2G', '2G_OPT', '1G')
        Get-Completion 'New-VmMachine -HighMem ' | Should -BeExactly @('None', '4G', '64G')
    }

    It 'completes zone names, task names and CPUs from the machine named by -Machine' {
        function Get-Completion([string] $Line) {
            (TabExpansion2 $Line $Line.Length).CompletionMatches.CompletionText
        }

        $name = 'completion-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $m = New-VmMachine -Name $name -Config R2 -NrCpus 4 -Force
        $null = Invoke-Kmap 0x30001 -Task reader -Machine $m
        $null = New-VmMachine -Config R1
        # The session's default is now the R1 machine: completion follows -Machine, by name.
        Get-Completion "Get-VmZone -Machine $name -Name " | Should -BeExactly @('DMA', 'Normal', 'HighMem', 'Movable')
        Get-Completion "Get-VmPage -Machine $name -Zone Hi" | Should -BeExactly @('HighMem')
        Get-Completion "Invoke-Kmap 0x30002 -Machine $name -Task r" | Should -BeExactly @('reader')
        Get-Completion "Stop-VmTask -Machine $name -Name " | Should -BeExactly @('reader')
        Get-Completion "Get-VmTlb -Machine $name -Cpu " | Should -BeExactly @('0', '1', '2', '3')
        Get-Completion 'Get-VmTlb -Cpu ' | Should -BeExactly @('0')
        Remove-VmMachine $name
    }
}

Describe 'The PowerShell files in the repository' {
    It 'parses <File> without errors' -ForEach $scripts {
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $root $File), [ref]$null, [ref]$errors)
        $errors.ForEach({ "$($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty
    }
}
