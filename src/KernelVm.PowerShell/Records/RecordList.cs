using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace KernelVm.PowerShell
{
    /// <summary>
    /// The records one record holds (the tasks a kunmap woke, the levels of a walk): read-only, indexed
    /// and enumerated as an array is, and one readable line as text. Export-Csv writes a property's
    /// ToString(), which for an array is its type name.
    /// </summary>
    public sealed class RecordList<T> : ReadOnlyCollection<T>
    {
        private readonly string? _summary;

        /// <param name="summarize">For a list too long to print whole (a snapshot's part): the line to print instead.</param>
        internal RecordList(IEnumerable<T> items, System.Func<IList<T>, string>? summarize = null)
            : base(items.ToList())
        {
            _summary = summarize?.Invoke(Items);
        }

        public override string ToString() => _summary ?? string.Join("; ", this);
    }
}
