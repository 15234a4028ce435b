using System.Management.Automation;
using KernelVm.Exercises;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Grades one answer to a seeded exercise. The answer is computed again from the topic, seed and
    /// difficulty, so an exercise made without -IncludeAnswer, or read back from a CSV, can be graded.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "VmExercise", DefaultParameterSetName = ExerciseSet)]
    [OutputType(typeof(VmExerciseResult))]
    public sealed class TestVmExerciseCommand : KernelVmCommand
    {
        private const string ExerciseSet = "Exercise";
        private const string SeedSet = "Seed";

        [Parameter(ParameterSetName = ExerciseSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public VmExercise Exercise { get; set; } = null!;

        [Parameter(ParameterSetName = SeedSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [EnumTransformation(typeof(ExerciseTopic))]
        public ExerciseTopic Topic { get; set; }

        [Parameter(ParameterSetName = SeedSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        public int Seed { get; set; }

        [Parameter(ParameterSetName = SeedSet, ValueFromPipelineByPropertyName = true)]
        [EnumTransformation(typeof(ExerciseDifficulty))]
        public ExerciseDifficulty Difficulty { get; set; }

        /// <summary>
        /// The student's answer, read as addresses are (0xC0000000, '0xc0000000', 'C000_0000', 896MB, 768).
        /// Not bound from the pipeline: an exercise made with -IncludeAnswer would grade itself.
        /// </summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AddressTransformation]
        public Address Answer { get; set; }

        protected override void ProcessInput()
        {
            try
            {
                var exercise = ParameterSetName == ExerciseSet
                    ? ExerciseGenerator.Generate(Exercise.Topic, Exercise.Seed, Exercise.Difficulty)
                    : ExerciseGenerator.Generate(Topic, Seed, Difficulty);
                WriteObject(new VmExerciseResult(exercise, exercise.Grade(Answer)));
            }
            catch (KernelVmException e)
            {
                WriteError(CmdletErrors.FromModel(e));
            }
        }
    }
}
