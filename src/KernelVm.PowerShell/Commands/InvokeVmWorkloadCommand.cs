using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using KernelVm.PowerShell.Completers;
using KernelVm.PowerShell.Transforms;
using KernelVm.Workloads;

namespace KernelVm.PowerShell.Commands
{
    /// <summary>
    /// Runs a seeded workload of kmap, kunmap, kmap_atomic and accesses by several tasks over a page
    /// set, and streams a record per step or interval with the pkmap state after it.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VmWorkload", DefaultParameterSetName = PagesSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(VmWorkloadStep))]
    public sealed class InvokeVmWorkloadCommand : MachineCommand
    {
        private const string PagesSet = "PageCount";
        private const string PfnSet = "Pfn";
        private const string NamedPagesSet = "TaskPageCount";
        private const string NamedPfnSet = "TaskPfn";

        private WorkloadMix _mix = WorkloadMix.Default;
        private CancellationTokenSource? _cancel;

        /// <summary>The seed every choice is drawn from: the same seed on a machine booted the same way gives the same records.</summary>
        [Parameter]
        [IntegerTransformation]
        public long Seed { get; set; }

        /// <summary>How many steps to run.</summary>
        [Parameter]
        [ValidateRange(1, WorkloadOptions.MaxCount)]
        [IntegerTransformation]
        public int Count { get; set; } = 1000;

        /// <summary>How many tasks, named task0, task1, ...</summary>
        [Parameter(ParameterSetName = PagesSet)]
        [Parameter(ParameterSetName = PfnSet)]
        [ValidateRange(1, WorkloadOptions.MaxTasks)]
        [IntegerTransformation]
        public int TaskCount { get; set; } = 4;

        /// <summary>The tasks, by name.</summary>
        [Parameter(Mandatory = true, ParameterSetName = NamedPagesSet)]
        [Parameter(Mandatory = true, ParameterSetName = NamedPfnSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaskNameCompleter))]
        public string[] Task { get; set; } = null!;

        /// <summary>The page set: this many of the highest page frames of RAM (highmem, when the machine has that many).</summary>
        [Parameter(ParameterSetName = PagesSet)]
        [Parameter(ParameterSetName = NamedPagesSet)]
        [ValidateRange(1, int.MaxValue)]
        [IntegerTransformation]
        public int PageCount { get; set; } = 2048;

        /// <summary>The page set, by pfn, in the order Sequential reads it and HotCold ranks it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PfnSet)]
        [Parameter(Mandatory = true, ParameterSetName = NamedPfnSet)]
        [AddressTransformation]
        public Address[] Pfn { get; set; } = null!;

        [Parameter]
        [EnumTransformation(typeof(WorkloadPattern))]
        public WorkloadPattern Pattern { get; set; } = WorkloadPattern.Random;

        /// <summary>HotCold: the percentage of the pages that are hot.</summary>
        [Parameter]
        [ValidateRange(1, 99)]
        [IntegerTransformation]
        public int HotPercent { get; set; } = 20;

        /// <summary>HotCold: the percentage of the picks that go to the hot pages.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        [IntegerTransformation]
        public int HotAccessPercent { get; set; } = 80;

        /// <summary>The weights of the operations: @{ Kmap = 3; Kunmap = 2; KmapAtomic = 1; Access = 2 }.</summary>
        [Parameter]
        public IDictionary? Mix { get; set; }

        /// <summary>The most kmaps one task holds at once.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [IntegerTransformation]
        public int MaxHeld { get; set; } = 8;

        /// <summary>Steps per record: 1 writes every step, N the last step of every N with the sleeps and wake-ups of all N.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [IntegerTransformation]
        public int Interval { get; set; } = 1;

        protected override ErrorRecord? CheckArguments()
        {
            if (base.CheckArguments() is { } error)
            {
                return error;
            }

            foreach (var name in Task ?? new string[0])
            {
                if (!CmdletErrors.IsName(name))
                {
                    return CmdletErrors.BadName(CmdletErrors.TaskNameInvalid, "task", name);
                }
            }

            try
            {
                _mix = Mix is null ? WorkloadMix.Default : WorkloadMix.Parse(Entries(Mix));
                return null;
            }
            catch (KernelVmException e)
            {
                return CmdletErrors.FromModel(e);
            }
        }

        protected override void ProcessInput()
        {
            var machine = TargetMachine;
            Workload workload;
            try
            {
                workload = new Workload(machine, Options());
            }
            catch (KernelVmException e)
            {
                WriteModelError(e);
                return;
            }

            if (!ShouldProcess(machine.Name, "Run " + Count + " workload steps (seed " + Seed + ")"))
            {
                return;
            }

            WriteVerbose(Describe(workload));
            // Not disposed: StopProcessing may cancel it from another thread at any time, and it holds no timer or handle.
            var cancel = _cancel = new CancellationTokenSource();
            var progress = new ProgressThrottle(this, "Invoke-VmWorkload on " + machine.Name);
            try
            {
                System.Action<long> stepped = step =>
                {
                    if (progress.Due(step))
                    {
                        progress.Show(step, Count, Status(workload));
                    }
                };
                while (workload.Next(cancel.Token, stepped) is { } record)
                {
                    WriteObject(new VmWorkloadStep(machine, record));
                }
            }
            catch (KernelVmException e)
            {
                WriteModelError(e);
            }
            finally
            {
                progress.Complete();
            }

            if (workload.Deadlocked)
            {
                WriteWarning("Step " + workload.Completed + ": every task of the workload sleeps on pkmap_map_wait, and only a kunmap by one of them could wake them: "
                    + "the kmap deadlock. The run stops here. Get-VmTask shows the sleepers; Stop-VmTask gives up their kmaps.");
            }
        }

        /// <summary>Ctrl+C: the workload stops before its next step; every step ran whole, under the machine's lock.</summary>
        protected override void StopProcessing() => _cancel?.Cancel();

        /// <summary>A hashtable's entries as plain values, as the model reads them.</summary>
        private static IEnumerable<KeyValuePair<object?, object?>> Entries(IDictionary mix)
        {
            foreach (DictionaryEntry entry in mix)
            {
                yield return new KeyValuePair<object?, object?>(Plain(entry.Key), Plain(entry.Value));
            }
        }

        private static object? Plain(object? value) => value is PSObject pso ? pso.BaseObject : value;

        private WorkloadOptions Options()
        {
            var named = ParameterSetName is NamedPagesSet or NamedPfnSet;
            var pfns = ParameterSetName is PfnSet or NamedPfnSet ? System.Array.ConvertAll(Pfn, a => a.Value) : null;
            return new WorkloadOptions
            {
                Seed = Seed,
                Tasks = named ? Task : null,
                TaskCount = TaskCount,
                Pfns = pfns,
                PageCount = PageCount,
                Pattern = Pattern,
                HotPercent = HotPercent,
                HotAccessPercent = HotAccessPercent,
                Mix = _mix,
                MaxHeld = MaxHeld,
                Count = Count,
                Interval = Interval,
            };
        }

        private static string Describe(Workload workload)
        {
            var o = workload.Options;
            var pages = workload.Pages;
            var tasks = workload.Tasks;
            return "Workload, seed " + o.Seed + ": " + tasks.Count + " task(s) (" + tasks[0].Name + (tasks.Count > 1 ? " to " + tasks[tasks.Count - 1].Name : "")
                + "), " + pages.Count + " page(s) (" + (pages is PfnRange range
                    ? "pfn " + Formatting.DisplayFormat.Pfn(range.First) + " to " + Formatting.DisplayFormat.Pfn(range.First + (ulong)range.Count - 1)
                    : "from pfn " + Formatting.DisplayFormat.Pfn(pages[0]))
                + "), " + o.Pattern + (o.Pattern == WorkloadPattern.HotCold ? " (" + workload.HotPages + " hot pages take " + o.HotAccessPercent + "% of the picks)" : "")
                + ", mix " + o.Mix + ", at most " + o.MaxHeld + " kmap(s) per task, " + o.Count + " step(s).";
        }

        private static string Status(Workload workload) =>
            "Step " + workload.Completed + " of " + workload.Options.Count + ": " + workload.HeldKmaps + " kmaps held";
    }
}
