@{
    RootModule             = 'KernelVm.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5b1f0c8e-6a52-4c7e-9d3b-2f4a8e61c0d7'
    Author                 = 'KernelVm contributors'
    CompanyName            = 'KernelVm'
    Copyright              = '(c) KernelVm contributors. MIT License.'
    Description            = 'Simulates how the x86 Linux kernel manages virtual memory (the user/kernel split, the direct map, high memory, persistent kmaps, fixmaps) so it can be explored from a shell, scripted and graded with Pester.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    # The model; loaded before the cmdlet assembly, which Windows PowerShell would not find on its own.
    RequiredAssemblies     = @('KernelVm.Core.dll')
    FormatsToProcess       = @('KernelVm.Format.ps1xml')
    TypesToProcess         = @('KernelVm.Types.ps1xml')
    # Registers Should -BeAddress and its siblings when Pester is loaded; does nothing otherwise.
    NestedModules          = @('KernelVm.ShouldOperators.psm1')
    CmdletsToExport        = @(
        'Clear-Fixmap'
        'Compare-VmBootLog'
        'Compare-VmSnapshot'
        'Copy-VmMachine'
        'ConvertTo-PhysicalAddress'
        'ConvertTo-VirtualAddress'
        'Export-VmLayout'
        'Export-VmMachine'
        'Get-Fixmap'
        'Get-PageAddress'
        'Get-PkmapCount'
        'Get-VmBootLog'
        'Get-VmLayout'
        'Get-VmMachine'
        'Get-VmNode'
        'Get-VmPage'
        'Get-VmSnapshot'
        'Get-VmEvent'
        'Get-VmSplitTable'
        'Get-VmTask'
        'Get-VmTlb'
        'Get-VmZone'
        'Import-VmMachine'
        'Invoke-Kmap'
        'Invoke-KmapAtomic'
        'Invoke-KmapLocal'
        'Invoke-Kunmap'
        'Invoke-KunmapAtomic'
        'Invoke-KunmapLocal'
        'Invoke-VmAccess'
        'Invoke-VmWorkload'
        'New-VmExercise'
        'New-VmMachine'
        'Remove-VmMachine'
        'Resolve-VmAddress'
        'Set-Fixmap'
        'Show-VmLayout'
        'Stop-VmTask'
        'Switch-VmTask'
        'Test-VmExercise'
        'Test-VmVirtAddrValid'
        'Use-VmMachine'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @(
        '__pa'
        '__va'
        'clear_fixmap'
        'dmesg'
        'gvm'
        'kmap'
        'kmap_atomic'
        'kmap_local_page'
        'kunmap'
        'kunmap_atomic'
        'kunmap_local'
        'nvm'
        'page_address'
        'phys_to_virt'
        'set_fixmap'
        'virt_addr_valid'
        'virt_to_phys'
        'vtop'
    )
    PrivateData            = @{
        PSData = @{
            Tags         = @('Linux', 'Kernel', 'VirtualMemory', 'x86', 'HighMem', 'kmap', 'Education', 'Pester', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'MacOS')
            LicenseUri   = 'https://github.com/KernelVm/KernelVm/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/KernelVm/KernelVm'
            ReleaseNotes = 'Machines (split, kernel versions 2.4.22 and 2.6.24, configs, boot options, NUMA), the virtual layout, zones, nodes, mem_map, kernel page tables, the direct map.'
        }
    }
}
