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
            AlignRepeats(real.Select(l => l.Omission ? null : l.Text).ToList(), realKeys, modelLog.Select(m => m.Text).ToList(), modelKeys);
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
        /// Pairs the lines of each repeating kind so that equal lines pair whatever else a log prints
        /// between them (a hypervisor's extra last_pfn line, a firmware's extra e820 range): the longest
        /// common run of equal texts in order first, then what is left, in order. Keys are renumbered to say so.
        /// </summary>
        private static void AlignRepeats(IReadOnlyList<string?> realTexts, List<(string Key, string Kind, bool Known)?> realKeys,
            IReadOnlyList<string> modelTexts, List<(string Key, string Kind, bool Known)?> modelKeys)
        {
            var repeating = realKeys.Where(k => k is { Known: true } && k.Value.Key != k.Value.Kind).Select(k => k!.Value.Kind).Distinct().ToList();
            foreach (var kind in repeating)
            {
                var r = Enumerable.Range(0, realKeys.Count).Where(i => realKeys[i] is { } k && k.Kind == kind).ToArray();
                var m = Enumerable.Range(0, modelKeys.Count).Where(j => modelKeys[j] is { } k && k.Kind == kind).ToArray();
                if (m.Length == 0)
                {
                    continue;
                }

                // lcs[a, b]: the longest common run of r[a..] and m[b..] by normalised text.
                var lcs = new int[r.Length + 1, m.Length + 1];
                for (var a = r.Length - 1; a >= 0; a--)
                {
                    for (var b = m.Length - 1; b >= 0; b--)
                    {
                        lcs[a, b] = DmesgText.Normalize(realTexts[r[a]]!) == DmesgText.Normalize(modelTexts[m[b]])
                            ? lcs[a + 1, b + 1] + 1
                            : System.Math.Max(lcs[a + 1, b], lcs[a, b + 1]);
                    }
                }

                var pairOf = Enumerable.Repeat(-1, r.Length).ToArray();
                for (int a = 0, b = 0; a < r.Length && b < m.Length;)
                {
                    if (DmesgText.Normalize(realTexts[r[a]]!) == DmesgText.Normalize(modelTexts[m[b]])) pairOf[a++] = b++;
                    else if (lcs[a + 1, b] >= lcs[a, b + 1]) a++;
                    else b++;
                }

                var usedModel = new HashSet<int>(pairOf.Where(b => b >= 0));
                var leftModel = new Queue<int>(Enumerable.Range(0, m.Length).Where(b => !usedModel.Contains(b)));
                for (var a = 0; a < r.Length; a++)
                {
                    if (pairOf[a] < 0 && leftModel.Count > 0)
                    {
                        pairOf[a] = leftModel.Dequeue();
                    }
                }

                for (var b = 0; b < m.Length; b++)
                {
                    modelKeys[m[b]] = (kind + " " + (b + 1), kind, true);
                }

                for (var a = 0; a < r.Length; a++)
                {
                    realKeys[r[a]] = (pairOf[a] >= 0 ? kind + " " + (pairOf[a] + 1) : kind + " extra " + (a + 1), kind, true);
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
