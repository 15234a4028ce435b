# Seeded exercises: reproducible across processes, different across seeds, answers kept out of the
# student's copy, and grading that reads answers as users type them.

BeforeDiscovery {
    $topics = 'Split', 'DirectMap', 'Pkmap', 'KmapAtomic', 'Fixmap', 'Zones', 'PageWalk' | ForEach-Object { @{ Topic = $_ } }
}

BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../out/KernelVm/KernelVm.psd1'
    Import-Module $manifest -Force
    . $PSScriptRoot/PesterHelpers.ps1
    $ErrorActionPreference = 'Stop'
}

Describe 'New-VmExercise -Topic <Topic>' -ForEach $topics {
    It 'makes the same exercise, answer included, in two fresh processes' {
        $command = "Import-Module '$manifest'; 'Easy', 'Medium', 'Hard' | ForEach-Object { New-VmExercise -Topic $Topic -Seed 17 -Difficulty `$_ -IncludeAnswer } | ConvertTo-Json -Depth 6 -Compress"
        $first = Invoke-ChildPowerShell $command
        $second = Invoke-ChildPowerShell $command
        $first.ExitCode | Should -Be 0
        $first.Text | Should -Match '"Question"'
        $second.Text | Should -BeExactly $first.Text
        'Easy', 'Medium', 'Hard' | ForEach-Object { New-VmExercise -Topic $Topic -Seed 17 -Difficulty $_ -IncludeAnswer } |
            ConvertTo-Json -Depth 6 -Compress | Should -BeExactly $first.Text -Because 'this process makes it too'
    }

    It 'makes different exercises for seeds 1 to 50 at every difficulty' {
        foreach ($difficulty in 'Easy', 'Medium', 'Hard') {
            $questions = 1..50 | ForEach-Object { (New-VmExercise -Topic $Topic -Seed $_ -Difficulty $difficulty).Question }
            @($questions | Sort-Object -Unique).Count | Should -BeGreaterThan 10 -Because "$Topic $difficulty"
        }
    }

    It 'keeps the answer out of the student''s copy, and grades it' {
        $student = New-VmExercise -Topic $Topic -Seed 5 -Difficulty Medium
        $instructor = New-VmExercise -Topic $Topic -Seed 5 -Difficulty Medium -IncludeAnswer
        $student.Answer | Should -BeNullOrEmpty
        $student.Steps | Should -BeNullOrEmpty
        $instructor.Steps | Should -Not -BeNullOrEmpty
        $student.Question | Should -BeExactly $instructor.Question
        (Test-VmExercise -Exercise $student -Answer $instructor.Answer).Correct | Should -BeTrue
        (Test-VmExercise $student ($instructor.Answer + 1)).Correct | Should -BeFalse
    }
}

Describe 'An exercise''s machine' {
    It 'boots from its Configuration, and the model there gives the answer' {
        $e = New-VmExercise -Topic DirectMap -Seed 7 -Difficulty Hard -IncludeAnswer
        $name = 'exercise-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $m = $e.Configuration | New-VmMachine -Name $name -WarningAction SilentlyContinue
        try {
            $m.Architecture | Should -Be $e.Configuration.Architecture
            $m.Kernel.Version | Should -Be $e.Configuration.KernelVersion
            $m.MemorySize | Should -Be $e.Configuration.MemorySize
            $given = $e.Inputs[0]
            $computed = if ($given.Name -eq 'VirtualAddress') { (ConvertTo-PhysicalAddress $given.Value -Machine $m).PhysicalAddress }
            else { (ConvertTo-VirtualAddress $given.Value -Machine $m).VirtualAddress }
            $computed | Should -Be $e.Answer
        }
        finally {
            Remove-VmMachine $name
        }
    }

    It 'is not added to the session by New-VmExercise or Test-VmExercise' {
        $before = @(Get-VmMachine).Count
        $null = New-VmExercise -Topic Pkmap -Seed 1 | Test-VmExercise -Answer 0
        @(Get-VmMachine).Count | Should -Be $before
    }
}

Describe 'Test-VmExercise' {
    BeforeAll {
        $e = New-VmExercise -Topic DirectMap -Seed 7 -IncludeAnswer
        $answer = [uint64]$e.Answer
    }

    It 'takes the answer as a hex literal, 0x text, bare hex, decimal text and [uint64]' {
        foreach ($typed in [int]$e.Answer, ('0x{0:x}' -f $answer), ('{0:X}' -f $answer), "$answer", $answer) {
            (Test-VmExercise $e $typed).Correct | Should -BeTrue -Because "'$typed' is the answer"
        }
        (Test-VmExercise $e 0x1C3C2C18).Correct | Should -BeTrue
    }

    It 'grades a decimal index' {
        $walk = 1..50 | ForEach-Object { New-VmExercise -Topic PageWalk -Seed $_ -IncludeAnswer } | Where-Object AnswerKind -eq 'Index' | Select-Object -First 1
        $walk | Should -Not -BeNullOrEmpty
        (Test-VmExercise $walk ([int][uint64]$walk.Answer)).Correct | Should -BeTrue
        (Test-VmExercise $walk "$([uint64]$walk.Answer)").Correct | Should -BeTrue
    }

    It 'explains a wrong answer: what was given, what was expected, the kernel''s steps' {
        $r = Test-VmExercise -Exercise $e -Answer 0x1000
        $r.Correct | Should -BeFalse
        $r.Given | Should -Be 0x1000
        $r.Expected | Should -Be $e.Answer
        $r.Explanation | Should -Match 'you gave 0x00001000, but the answer is 0x1C3C2C18'
        $r.Explanation | Should -Match ([regex]::Escape('__pa(x) = x - PAGE_OFFSET'))
    }

    It 'grades from topic, seed and difficulty alone, as a CSV holds them' {
        $csv = 1..3 | ForEach-Object { New-VmExercise -Topic Zones -Seed $_ -Difficulty Hard } | ConvertTo-Csv -NoTypeInformation
        $rows = $csv | ConvertFrom-Csv
        foreach ($row in $rows) {
            $expected = ($row | New-VmExercise -IncludeAnswer).Answer
            ($row | Test-VmExercise -Answer $expected).Correct | Should -BeTrue
            (Test-VmExercise -Topic $row.Topic -Seed $row.Seed -Difficulty $row.Difficulty -Answer ($expected + 1)).Correct | Should -BeFalse
        }
    }

    It 'refuses an answer that does not read, with AddressInvalid and the value' {
        $err = { Test-VmExercise $e 'zzz' } | Should -Throw -ErrorId 'AddressInvalid,KernelVm.PowerShell.Commands.TestVmExerciseCommand' -PassThru
        $err.TargetObject | Should -Be 'zzz'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses a topic that does not exist when binding' {
        { New-VmExercise -Topic Nope -Seed 1 } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
    }
}
