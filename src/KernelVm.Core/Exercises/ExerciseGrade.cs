namespace KernelVm.Exercises
{
    /// <summary>One graded answer: whether it is right, both values, and what the student should learn from it.</summary>
    public sealed class ExerciseGrade
    {
        internal ExerciseGrade(bool correct, ulong expected, ulong given, AnswerKind kind, string explanation)
        {
            Correct = correct;
            Expected = expected;
            Given = given;
            Kind = kind;
            Explanation = explanation;
        }

        public bool Correct { get; }

        public ulong Expected { get; }

        public ulong Given { get; }

        public AnswerKind Kind { get; }

        public string Explanation { get; }
    }
}
