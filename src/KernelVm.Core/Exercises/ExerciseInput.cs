namespace KernelVm.Exercises
{
    /// <summary>One given of an exercise: a number of some kind (an address, a pfn, an index) or text (a name, a list of calls).</summary>
    public sealed class ExerciseInput
    {
        private ExerciseInput(string name, ulong? number, AnswerKind kind, string? text)
        {
            Name = name;
            Number = number;
            Kind = kind;
            Text = text;
        }

        public string Name { get; }

        /// <summary>The value when it is a number; null for text.</summary>
        public ulong? Number { get; }

        public AnswerKind Kind { get; }

        /// <summary>The value when it is text; null for a number.</summary>
        public string? Text { get; }

        public static ExerciseInput Of(string name, ulong number, AnswerKind kind) => new(name, number, kind, null);

        public static ExerciseInput Of(string name, string text) => new(name, null, AnswerKind.Index, text);

        public override string ToString() => Name + " = " + (Text ?? ExerciseText.Format(Number!.Value, Kind));
    }
}
