using System.Management.Automation;
using KernelVm.Exercises;
using KernelVm.PowerShell.Transforms;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>Makes the seeded exercise of a topic: the same topic, seed and difficulty give the same exercise everywhere.</summary>
    [Cmdlet(VerbsCommon.New, "VmExercise")]
    [OutputType(typeof(VmExercise))]
    public sealed class NewVmExerciseCommand : KernelVmCommand
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [EnumTransformation(typeof(ExerciseTopic))]
        public ExerciseTopic Topic { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        public int Seed { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumTransformation(typeof(ExerciseDifficulty))]
        public ExerciseDifficulty Difficulty { get; set; }

        /// <summary>For the instructor: include the answer and the kernel's steps.</summary>
        [Parameter]
        public SwitchParameter IncludeAnswer { get; set; }

        protected override void ProcessInput()
        {
            try
            {
                WriteObject(new VmExercise(ExerciseGenerator.Generate(Topic, Seed, Difficulty), IncludeAnswer));
            }
            catch (KernelVmException e)
            {
                WriteError(CmdletErrors.FromModel(e));
            }
        }
    }
}
