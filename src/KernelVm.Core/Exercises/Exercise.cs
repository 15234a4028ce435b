using System.Collections.Generic;
using System.Text;

namespace KernelVm.Exercises
{
    /// <summary>A generated exercise: the machine, the question, its givens, and the model's answer with the kernel's steps.</summary>
    public sealed class Exercise
    {
        internal Exercise(ExerciseTopic topic, int seed, ExerciseDifficulty difficulty, ExerciseMachine machine, ExerciseDraft draft)
        {
            Topic = topic;
            Seed = seed;
            Difficulty = difficulty;
            Machine = machine;
            Question = draft.Question;
            Inputs = draft.Inputs;
            Answer = draft.Answer;
            Kind = draft.Kind;
            Steps = draft.Steps;
        }

        public ExerciseTopic Topic { get; }

        public int Seed { get; }

        public ExerciseDifficulty Difficulty { get; }

        public ExerciseMachine Machine { get; }

        public string Question { get; }

        public IReadOnlyList<ExerciseInput> Inputs { get; }

        public ulong Answer { get; }

        public AnswerKind Kind { get; }

        /// <summary>How the kernel gets the answer, one line per step, naming its functions and macros.</summary>
        public IReadOnlyList<string> Steps { get; }

        /// <summary>Grades an answer: right or wrong, and the steps that lead to the right one.</summary>
        public ExerciseGrade Grade(ulong given)
        {
            var correct = given == Answer;
            var text = new StringBuilder();
            text.Append(correct ? "Correct: " : "Not correct: you gave " + ExerciseText.Format(given, Kind) + ", but ")
                .Append("the answer is ").Append(ExerciseText.Format(Answer, Kind)).Append('.').AppendLine()
                .Append("Question: ").Append(Question).AppendLine()
                .Append("How the kernel gets there:");
            foreach (var step in Steps)
            {
                text.AppendLine().Append("  ").Append(step);
            }

            return new ExerciseGrade(correct, Answer, given, Kind, text.ToString());
        }
    }
}
