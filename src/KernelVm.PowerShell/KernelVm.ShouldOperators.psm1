# Should operators for kernel facts, registered with Pester's Add-ShouldOperator when Pester is
# loaded as KernelVm is imported (Invoke-Pester loads it before a test file's BeforeAll runs).
# Without Pester this module does nothing: KernelVm never needs Pester to load.
#
# Get-Module first: Get-Command alone searches every module on PSModulePath when Pester is not
# loaded, and could import Pester as a side effect. The operators are read only when needed:
# compiling them was a fifth of Import-Module's time.
if ((Get-Module Pester) -and (Get-Command Add-ShouldOperator -ErrorAction Ignore)) {
    . (Join-Path $PSScriptRoot 'KernelVm.ShouldOperators.ps1')
}

Export-ModuleMember
