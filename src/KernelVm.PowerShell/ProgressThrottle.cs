using System.Diagnostics;
using System.Management.Automation;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// Write-Progress for long work, at most every 200 ms: a caller asks at every item whether the bar
    /// is due, which reads the clock only every 1024th item. Work shorter than 200 ms never shows a bar.
    /// </summary>
    internal sealed class ProgressThrottle
    {
        private const long IntervalMs = 200;
        private const long Mask = 1023;
        private const int ActivityId = 1;

        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _due = IntervalMs;
        private bool _shown;

        internal ProgressThrottle(Cmdlet cmdlet, string activity)
        {
            _cmdlet = cmdlet;
            _activity = activity;
        }

        /// <summary>Whether item <paramref name="done"/> should show the bar: one in 1024, and 200 ms after the last.</summary>
        internal bool Due(long done) => (done & Mask) == 0 && _clock.ElapsedMilliseconds >= _due;

        /// <summary>Shows the bar at <paramref name="done"/> of <paramref name="total"/>.</summary>
        internal void Show(long done, long total, string status)
        {
            _due = _clock.ElapsedMilliseconds + IntervalMs;
            // A new record each time: a host may keep the ones it was given (a PowerShell instance's Progress stream does).
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, status)
            {
                PercentComplete = total > 0 ? (int)System.Math.Min(100, done * 100 / total) : -1,
            });
            _shown = true;
        }

        /// <summary>Takes the bar down, if one was shown and the pipeline still runs.</summary>
        internal void Complete()
        {
            if (_shown && !_cmdlet.Stopping)
            {
                _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
