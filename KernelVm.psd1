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
    CmdletsToExport        = @(
        'ConvertTo-PhysicalAddress'
        'ConvertTo-VirtualAddress'
        'Get-VmMachine'
        'New-VmMachine'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @(
        '__pa'
        '__va'
        'gvm'
        'nvm'
        'phys_to_virt'
        'virt_to_phys'
    )
    PrivateData            = @{
        PSData = @{
            Tags         = @('Linux', 'Kernel', 'VirtualMemory', 'x86', 'HighMem', 'kmap', 'Education', 'Pester', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'MacOS')
            LicenseUri   = 'https://github.com/KernelVm/KernelVm/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/KernelVm/KernelVm'
            ReleaseNotes = 'First release: machines, the direct map (__pa/__va).'
        }
    }
}
