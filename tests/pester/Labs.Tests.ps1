# Every lab in examples/labs graded as an instructor grades it: against its Solution.ps1 every test
# passes; against its Wrong.ps1 exactly the tests that teach its mistake fail, each with the kernel
# reason. The template Lab.ps1 declares the same functions, each left to the student. The inner Pester
# runs in a child pwsh (a nested Invoke-Pester shares state with the outer run) with the outer run's
# Pester version, and runs each solution twice there: labs must be re-runnable in one session.

BeforeDiscovery {
    # Per lab: the tests Wrong.ps1 must fail, and the text each failure message must contain.
    $labs = @(
        @{
            Lab     = '01-AddressSplit'
            Failing = [ordered]@{
                'PAGE_OFFSET of VMSPLIT_3G is a positive number'                          = 'reads a literal such as 0xC0000000 as the Int32 -1073741824'
                'PAGE_OFFSET of VMSPLIT_3G_OPT is a positive number'                      = 'reads a literal such as 0xC0000000 as the Int32 -1073741824'
                'PAGE_OFFSET of VMSPLIT_2G is a positive number'                          = 'reads a literal such as 0xC0000000 as the Int32 -1073741824'
                'MAXMEM of VMSPLIT_3G is the row of Mauerer''s Table 3-6'                 = 'MAXMEM = -__PAGE_OFFSET - __VMALLOC_RESERVE in 32-bit unsigned arithmetic'
                'MAXMEM of VMSPLIT_3G_OPT is the row of Mauerer''s Table 3-6'             = 'MAXMEM = -__PAGE_OFFSET - __VMALLOC_RESERVE in 32-bit unsigned arithmetic'
                'MAXMEM of VMSPLIT_2G is the row of Mauerer''s Table 3-6'                 = 'MAXMEM = -__PAGE_OFFSET - __VMALLOC_RESERVE in 32-bit unsigned arithmetic'
                'high_memory with 512MB of RAM under VMSPLIT_3G'                          = 'find_max_low_pfn() caps the RAM at MAXMEM'
                'high_memory with 2GB of RAM under VMSPLIT_3G'                            = 'find_max_low_pfn() caps the RAM at MAXMEM'
                '__pa(0xC0100000) under VMSPLIT_3G is what ConvertTo-PhysicalAddress says' = '__pa(x) = x - PAGE_OFFSET'
                '__pa(0xF7FFF000) under VMSPLIT_3G is what ConvertTo-PhysicalAddress says' = '__pa(x) = x - PAGE_OFFSET'
                '__pa(0x80100000) under VMSPLIT_2G is what ConvertTo-PhysicalAddress says' = '__pa(x) = x - PAGE_OFFSET'
                '__va(0x00100000) under VMSPLIT_3G is what ConvertTo-VirtualAddress says'  = '__va(x) = x + PAGE_OFFSET'
                '__va(0x00100000) under VMSPLIT_3G_OPT is what ConvertTo-VirtualAddress says' = '__va(x) = x + PAGE_OFFSET'
                '__va(0x00100000) under VMSPLIT_2G is what ConvertTo-VirtualAddress says'  = '__va(x) = x + PAGE_OFFSET'
            }
        }
        @{
            Lab     = '02-Pkmap'
            Failing = [ordered]@{
                'new page number 1 on a fresh machine takes slot 1'           = 'increments last_pkmap_nr, which starts at 0, before it tests a slot'
                'new page number 3 on a fresh machine takes slot 3'           = 'increments last_pkmap_nr, which starts at 0, before it tests a slot'
                'new page number 1023 on a fresh machine takes slot 1023'     = 'increments last_pkmap_nr, which starts at 0, before it tests a slot'
                'new page number 1024 on a fresh machine takes slot 0'        = 'slot 0 is handed out only after last_pkmap_nr wraps'
                'a slot at count 1 is not reusable: kunmap() does not flush' = 'still holds 0xFF801000 (Get-VmTlb), since kunmap_high() does not flush'
            }
        }
        @{
            Lab     = '03-KmapAtomic'
            Failing = [ordered]@{
                'KM_USER0 on CPU 3 of R2 has the fixmap index kmap_atomic() uses' = 'idx = type + KM_TYPE_NR * smp_processor_id(), here 3 + 13 * 3'
                'KM_PTE0 on CPU 7 of R2 has the fixmap index kmap_atomic() uses'  = 'idx = type + KM_TYPE_NR * smp_processor_id(), here 7 + 13 * 7'
                'KM_USER0 on CPU 3 of R2 is at the address kmap_atomic() returns' = 'two CPUs never share a slot'
                'KM_PTE0 on CPU 7 of R2 is at the address kmap_atomic() returns'  = 'two CPUs never share a slot'
                'R2 gives each of its 8 CPUs its own 13 slots'                    = 'FIX_KMAP_END = FIX_KMAP_BEGIN + KM_TYPE_NR * NR_CPUS - 1'
            }
        }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'PesterHelpers.ps1')
    $labsDir = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/labs')).Path
    $manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1')).Path
    $resultsFile = Join-Path $TestDrive 'labs.json'
    # One child for every lab: a pwsh start and a module import cost a second or two each.
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$((Get-Module Pester).Path)'
Import-Module '$manifest'
`$results = foreach (`$lab in Get-ChildItem '$labsDir' -Directory) {
    foreach (`$run in @{ File = 'Solution.ps1'; Run = 1 }, @{ File = 'Wrong.ps1'; Run = 1 }, @{ File = 'Solution.ps1'; Run = 2 }) {
        `$c = New-PesterConfiguration
        `$c.Run.Container = New-PesterContainer -Path (Join-Path `$lab.FullName 'Lab.Tests.ps1') -Data @{ Solution = `$run.File }
        `$c.Run.PassThru = `$true
        `$c.Output.Verbosity = 'None'
        `$r = Invoke-Pester -Configuration `$c
        foreach (`$t in `$r.Tests) {
            [pscustomobject]@{ Lab = `$lab.Name; File = `$run.File; Run = `$run.Run; Name = `$t.ExpandedName; Result = "`$(`$t.Result)"; Message = "`$(`$t.ErrorRecord)" }
        }
        if (`$r.Tests.Count -eq 0) { [pscustomobject]@{ Lab = `$lab.Name; File = `$run.File; Run = `$run.Run; Name = '(no tests)'; Result = 'Failed'; Message = "`$(`$r.Containers.ErrorRecord)" } }
    }
}
ConvertTo-Json @(`$results) -Depth 3 | Set-Content -LiteralPath '$resultsFile' -Encoding UTF8
"@
    $child = Invoke-ChildPowerShell $script
    $results = if (Test-Path $resultsFile) { Get-Content -LiteralPath $resultsFile -Raw | ConvertFrom-Json }
}

Describe 'examples/labs/<Lab>' -Tag Labs -ForEach $labs {
    BeforeAll {
        $mine = @($results | Where-Object Lab -eq $Lab)
        $child.ExitCode | Should -Be 0 -Because $child.Text
    }

    It 'has a template Lab.ps1 with the functions of Solution.ps1, each throwing "not implemented"' {
        # The functions a script defines, with their parameters and what their bodies say.
        function Get-LabFunction([string] $Path) {
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$null, [ref]$null)
            foreach ($f in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $false)) {
                [pscustomobject]@{
                    Name       = $f.Name
                    Parameters = ($f.Body.ParamBlock.Parameters | ForEach-Object { $_.Name.VariablePath.UserPath }) -join ', '
                    Body       = "$($f.Body.EndBlock.Statements)".Trim()
                }
            }
        }
        $template = @(Get-LabFunction (Join-Path $labsDir "$Lab/Lab.ps1"))
        $solution = @(Get-LabFunction (Join-Path $labsDir "$Lab/Solution.ps1"))
        @($template | ForEach-Object { "$($_.Name)($($_.Parameters))" }) | Should -Be @($solution | ForEach-Object { "$($_.Name)($($_.Parameters))" })
        $template | Where-Object Body -ne "throw 'not implemented'" | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'passes every test against Solution.ps1 (run <Run>)' -ForEach @{ Run = 1 }, @{ Run = 2 } {
        $solution = @($mine | Where-Object { $_.File -eq 'Solution.ps1' -and $_.Run -eq $Run })
        $solution.Count | Should -BeGreaterThan 0
        $solution | Where-Object Result -ne 'Passed' | ForEach-Object { "$($_.Name): $($_.Message)" } | Should -BeNullOrEmpty
    }

    It 'fails exactly the tests that teach the mistake of Wrong.ps1' {
        $wrong = @($mine | Where-Object File -eq 'Wrong.ps1')
        $wrong.Count | Should -Be @($mine | Where-Object { $_.File -eq 'Solution.ps1' -and $_.Run -eq 1 }).Count
        @($wrong | Where-Object Result -eq 'Failed' | ForEach-Object Name) | Should -Be @($Failing.Keys)
        $wrong | Where-Object { $_.Result -notin 'Passed', 'Failed' } | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'explains each failure of Wrong.ps1 with the kernel reason' {
        foreach ($test in $mine | Where-Object { $_.File -eq 'Wrong.ps1' -and $_.Result -eq 'Failed' }) {
            $test.Message | Should -BeLike "*$($Failing[$test.Name])*" -Because "the failure of '$($test.Name)' should teach why"
        }
    }
}
