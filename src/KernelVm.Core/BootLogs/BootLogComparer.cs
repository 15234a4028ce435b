using System.Collections.Generic;
using System.Linq;
using KernelVm.Physical;

namespace KernelVm.BootLogs
{
    /// <summary>
    /// Holds a real boot log against a machine's: lines pair by kind (<see cref="LineKinds"/>), a line of
    /// no known kind pairs only with the same text, and the result keeps the real log's order, with the
    /// model's extra lines placed after the real line they follow.
    /// </summary>
    public static class BootLogComparer
    {
        public static IReadOnlyList<BootLineComparison> Compare(BootLogFacts facts, IReadOnlyList<BootMessage> modelLog, Profiles.KernelProfile modelKernel)
        {
            var real = facts.Lines;
            var realKeys = Keys(real.Select(l => l.Omission ? null : l.Text).ToList());
            var modelKeys = Keys(modelLog.Select(m => m.Text).ToList());
            var modelIndex = new Dictionary<string, int>();
            for (var j = 0; j < modelKeys.Count; j++)
            {
                modelIndex[modelKeys[j]!.Value.Key] = j;
            }

            var modelKinds = new HashSet<string>(modelKeys.Where(k => k!.Value.Known).Select(k => k!.Value.Kind));
            var pairedAt = Enumerable.Repeat(-1, modelLog.Count).ToArray();
            var rows = new List<BootLineComparison>?[real.Count + 1];
            for (var i = 0; i < real.Count; i++)
            {
                if (real[i].Omission)
                {
                    continue;
                }

                var (key, kind, known) = realKeys[i]!.Value;
                var text = real[i].Text;
                BootLineComparison row;
                if (modelIndex.TryGetValue(key, out var j))
                {
                    pairedAt[j] = i;
                    var model = modelLog[j].Text;
                    var same = DmesgText.Normalize(text) == DmesgText.Normalize(model);
                    row = new BootLineComparison(real[i].LineNumber, known ? key : null, same ? LineStatus.Match : LineStatus.Differs, text, model,
                        same ? null : KernelChanges.Explain(facts, modelKernel, kind) ?? UnstatedInputs.Explain(kind, text, model));
                }
                else if (known && modelKinds.Contains(kind))
                {
                    row = new BootLineComparison(real[i].LineNumber, key, LineStatus.Differs, text, null, KernelChanges.Explain(facts, modelKernel, kind));
                }
                else
                {
                    row = new BootLineComparison(real[i].LineNumber, known ? key : null, LineStatus.NotModelled, text, null, null);
                }

                (rows[i + 1] ??= new List<BootLineComparison>()).Add(row);
            }

            AddMissing(facts, modelLog, modelKeys, pairedAt, rows, modelKernel);
            return rows.Where(r => r is not null).SelectMany(r => r!).ToList();
        }

        /// <summary>
        /// A model line no real line paired with is Missing when the real log was not cut between the
        /// paired lines around it: no marker of left-out lines there (after the last paired line: up to
        /// the log's end).
        /// </summary>
        private static void AddMissing(BootLogFacts facts, IReadOnlyList<BootMessage> modelLog, List<(string Key, string Kind, bool Known)?> modelKeys,
            int[] pairedAt, List<BootLineComparison>?[] rows, Profiles.KernelProfile modelKernel)
        {
            var real = facts.Lines;
            for (var j = 0; j < modelLog.Count; j++)
            {
                if (pairedAt[j] >= 0)
                {
                    continue;
                }

                var before = -1;
                for (var p = j - 1; p >= 0 && before < 0; p--) before = pairedAt[p];
                var after = real.Count;
                for (var n = j + 1; n < modelLog.Count && after == real.Count; n++) after = pairedAt[n] >= 0 ? pairedAt[n] : real.Count;
                var cut = Enumerable.Range(before + 1, after - before - 1).Any(i => real[i].Omission);
                if (!cut)
                {
                    var (key, kind, known) = modelKeys[j]!.Value;
                    (rows[before + 1] ??= new List<BootLineComparison>()).Add(new BootLineComparison(
                        null, known ? key : null, LineStatus.Missing, null, modelLog[j].Text, KernelChanges.Explain(facts, modelKernel, known ? kind : null)));
                }
            }
        }

        /// <summary>
        /// Each line's key: its kind, numbered when the kind repeats or from its second line on; a line of no
        /// known kind is keyed by its text. Null for a marker.
        /// </summary>
        private static List<(string Key, string Kind, bool Known)?> Keys(IReadOnlyList<string?> texts)
        {
            var seen = new Dictionary<string, int>();
            var keys = new List<(string, string, bool)?>();
            foreach (var text in texts)
            {
                if (text is null)
                {
                    keys.Add(null);
                    continue;
                }

                var kind = LineKinds.Of(text);
                var name = kind?.Kind ?? DmesgText.Normalize(text);
                var n = seen.TryGetValue(name, out var c) ? c + 1 : 1;
                seen[name] = n;
                var key = kind is { Repeats: true } || n > 1 ? name + " " + n : name;
                keys.Add((key, name, kind is not null));
            }

            return keys;
        }
    }
}
