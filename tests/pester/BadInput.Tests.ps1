# The bad-input corpus over every parameter of every cmdlet: each value either fails with a clear
# error (KernelVm's id with the value as TargetObject, or PowerShell's binding error naming the
# parameter), leaving the machine as it was, or succeeds under a documented acceptance.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $cases = foreach ($command in Get-Command -Module KernelVm -CommandType Cmdlet) {
        foreach ($parameter in $command.Parameters.Values) {
            if ($parameter.Name -in $common -or $parameter.SwitchParameter -or $parameter.Attributes.DontShow -contains $true) { continue }
            @{ Command = $command.Name; Parameter = $parameter.Name; Piped = $false }
            # A parameter that takes pipeline input by value gets the corpus piped too.
            if ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ValueFromPipeline }) {
                @{ Command = $command.Name; Parameter = $parameter.Name; Piped = $true }
            }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1') -Force
    . $PSScriptRoot/BadInputCorpus.ps1
    $kernelVmIds = @(Get-KernelVmErrorId)
    $corpus = @(Get-BadInputCorpus)
}

Describe 'Bad input to <Command> -<Parameter>, piped: <Piped>' -Tag Corpus -ForEach $cases {
    It 'is refused clearly or accepted as documented, never leaked, never half done' {
        $cmd = Get-Command $Command
        $param = $cmd.Parameters[$Parameter]
        $set = @($param.ParameterSets.Keys | Where-Object { $_ -ne '__AllParameterSets' })[0]
        if (-not $set) { $set = if ($cmd.DefaultParameterSet) { $cmd.DefaultParameterSet } else { '__AllParameterSets' } }
        $m = $null
        $machineParameters = Get-BadInputMachineParameter $Command
        $problems = foreach ($item in $corpus) {
            # A refused value leaves the machine as it was (checked below), so only an accepted one needs a new machine.
            if (-not $m) { $m = New-VmMachine @machineParameters }
            $before = $m.Events.NextSequence
            $machinesBefore = @(Get-VmMachine).Count
            $r = Invoke-BadInputCase -Command $cmd -Parameter $Parameter -Set $set -Value $item.Value -Machine $m -Piped:$Piped
            $label = "$($item.Name):"
            foreach ($e in $r.Errors) {
                $id = ($e.FullyQualifiedErrorId -split ',')[0]
                if ($id -in $kernelVmIds) {
                    if ($e.CategoryInfo.Category -eq 'NotSpecified') { "$label $id has no category" }
                    if ($id -in $ValueErrorIds) {
                        $target = "$($e.TargetObject)"
                        # A piped list sends its items, and a list inside it binds as a list: compare with every leaf.
                        $values = @($item.Value | ForEach-Object { $_ } | ForEach-Object { "$_" })
                        $sameNumber = $item.Kind -eq 'IntegerText' -and $target -eq [long]$item.Value.Trim()
                        if (-not ($null -eq $item.Value -and $null -eq $e.TargetObject) -and $target -notin $values -and $target -ne "$($item.Value)" -and -not $sameNumber) {
                            "$label $id has TargetObject '$target', not the value"
                        }
                    }
                }
                elseif ($id -in $BindingErrorIds) {
                    # InputObjectNotBound names no parameter: none took the object.
                    $named = $id -eq 'InputObjectNotBound' -or $e.Exception.ParameterName -eq $Parameter
                    if ($e.Exception -isnot [System.Management.Automation.ParameterBindingException] -or -not $named) {
                        "$label $id does not name -$Parameter"
                    }
                }
                else {
                    "$label leaked $($e.FullyQualifiedErrorId): $($e.Exception.GetType().FullName): $($e.Exception.Message)"
                }
            }
            if ($r.Errors.Count -gt 0 -and $r.Output.Count -eq 0) {
                if ($m.Events.NextSequence -ne $before) { "$label failed, yet the machine logged $($m.Events.NextSequence - $before) events" }
                if (@(Get-VmMachine).Count -ne $machinesBefore) { "$label failed, yet the session's machines changed" }
            }
            if ($r.Errors.Count -eq 0 -and -not (Get-Acceptance $cmd $param $item -Piped:$Piped)) {
                "$label accepted without a documented rule"
            }
            if ($r.Errors.Count -eq 0 -or $r.Output.Count -gt 0 -or $m.Events.NextSequence -ne $before) {
                Remove-VmMachine -InputObject $m
                $m = $null
            }
        }
        if ($m) { Remove-VmMachine -InputObject $m }
        $problems | Should -BeNullOrEmpty
    }
}
