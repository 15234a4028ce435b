using KernelVm.Exercises;

namespace KernelVm.PowerShell
{
    /// <summary>A graded answer: right or not, the expected and given values, and an explanation that teaches.</summary>
    public sealed class VmExerciseResult
    {
        internal VmExerciseResult(Exercise exercise, ExerciseGrade grade)
        {
            Topic = exercise.Topic;
            Seed = exercise.Seed;
            Difficulty = exercise.Difficulty;
            Correct = grade.Correct;
            Expected = grade.Expected;
            Given = grade.Given;
            AnswerKind = grade.Kind;
            Explanation = grade.Explanation;
        }

        public ExerciseTopic Topic { get; }

        public int Seed { get; }

        public ExerciseDifficulty Difficulty { get; }

        public bool Correct { get; }

        public Address Expected { get; }

        public Address Given { get; }

        /// <summary>Address, Pfn, Size or Index: an index is a number like any other, written in decimal in the explanation.</summary>
        public AnswerKind AnswerKind { get; }

        /// <summary>What was expected and why: the question and the kernel's steps, one per line.</summary>
        public string Explanation { get; }
    }
}
