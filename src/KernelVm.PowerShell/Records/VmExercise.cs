using System.Linq;
using KernelVm.Exercises;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// A seeded exercise. It holds the answer and its steps only when asked to (New-VmExercise
    /// -IncludeAnswer): otherwise nothing in it, or reachable from it, gives the answer away.
    /// </summary>
    public sealed class VmExercise
    {
        internal VmExercise(Exercise exercise, bool includeAnswer)
        {
            Topic = exercise.Topic;
            Seed = exercise.Seed;
            Difficulty = exercise.Difficulty;
            Configuration = new VmExerciseMachine(exercise.Machine);
            Question = exercise.Question;
            Inputs = new RecordList<VmExerciseInput>(exercise.Inputs.Select(i => new VmExerciseInput(i)));
            AnswerKind = exercise.Kind;
            if (includeAnswer)
            {
                Answer = exercise.Answer;
                Steps = new RecordList<string>(exercise.Steps);
            }
        }

        public ExerciseTopic Topic { get; }

        public int Seed { get; }

        public ExerciseDifficulty Difficulty { get; }

        /// <summary>The machine, as New-VmMachine parameters: pipe it to New-VmMachine.</summary>
        public VmExerciseMachine Configuration { get; }

        public string Question { get; }

        public RecordList<VmExerciseInput> Inputs { get; }

        /// <summary>Address, Pfn, Size (hex) or Index (decimal): what kind of number the answer is.</summary>
        public AnswerKind AnswerKind { get; }

        /// <summary>The answer, with -IncludeAnswer; otherwise null.</summary>
        public Address? Answer { get; }

        /// <summary>The kernel's steps to the answer, with -IncludeAnswer; otherwise null.</summary>
        public RecordList<string>? Steps { get; }
    }
}
