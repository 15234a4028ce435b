using System.Collections.Generic;

namespace KernelVm.Exercises
{
    /// <summary>What a topic asks of a booted machine: the question, its givens, and the model's answer with the steps to it.</summary>
    internal sealed class ExerciseDraft
    {
        internal string Question { get; init; } = "";

        internal IReadOnlyList<ExerciseInput> Inputs { get; init; } = new ExerciseInput[0];

        internal ulong Answer { get; init; }

        internal AnswerKind Kind { get; init; }

        internal IReadOnlyList<string> Steps { get; init; } = new string[0];
    }
}
