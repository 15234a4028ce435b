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
        internal RecordList(IEnumerable<T> items)
            : base(items.ToList())
        {
        }

        public override string ToString() => string.Join("; ", this);
    }
}
