using KernelVm.Exercises;

namespace KernelVm.PowerShell
{
    /// <summary>One given of an exercise: an Address (an address, pfn or size), an index, or text (a name, a list of calls).</summary>
    public sealed class VmExerciseInput
    {
        internal VmExerciseInput(ExerciseInput input)
        {
            Name = input.Name;
            Value = input.Text is { } text ? text
                : input.Kind == AnswerKind.Index ? (int)input.Number!.Value
                : new Address(input.Number!.Value);
        }

        public string Name { get; }

        /// <summary>An Address, an Int32 index or CPU, or text.</summary>
        public object Value { get; }

        public override string ToString() => Name + " = " + Value;
    }
}
