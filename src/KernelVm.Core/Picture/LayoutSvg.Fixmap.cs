using System.Collections.Generic;
using KernelVm.Layout;
using KernelVm.Paging;

namespace KernelVm.Picture
{
    public sealed partial class LayoutSvg
    {
        private const double LabelCharWidth = 6.3;
        private const int InlineLabelChars = 36;

        /// <summary>
        /// The fixmap indices, one row per entry of enum fixed_addresses in index order (index 0, at
        /// FIXADDR_TOP, first), each index a cell that is filled when its PTE is present.
        /// </summary>
        private double DrawFixmapPanel(double top)
        {
            var s = _s;
            var set = 0;
            foreach (var slot in s.Fixmaps)
            {
                set += slot.Mapped ? 1 : 0;
            }

            // Place the rows first: the panel's background goes under them and needs their height.
            var rows = new List<(FixmapGroup Group, double LabelY, double CellX, double CellY, double Step, int PerLine)>();
            var y = top + (s.HasFixmapPtes ? 74 : 90);
            foreach (var group in s.FixmapGroups)
            {
                if (group.Count <= 8 && LabelLength(group) <= InlineLabelChars)
                {
                    rows.Add((group, y + 10, PanelX + 10 + (InlineLabelChars + 1) * LabelCharWidth, y + 1, 12, 8));
                    y += 15;
                    continue;
                }

                var step = group.Count > 64 ? 6.0 : 12.0;
                var perLine = (int)((PanelWidth - 56) / step);
                rows.Add((group, y + 10, PanelX + 42, y + 15, step, perLine));
                y += 15 + ((group.Count + perLine - 1) / perLine) * step + 4;
            }

            var bottom = y + 8;
            _svg.Open("g", "id", "fixmap", "data-indices", s.Fixmaps.Count, "data-set", set);
            _svg.Empty("rect", "class", "panel", "x", PanelX, "y", top, "width", PanelWidth, "height", bottom - top);
            _svg.Text("text", "fixmap", "class", "panel-title", "x", PanelX + 10, "y", top + 20);
            _svg.Text("text", s.Fixmaps.Count + " indices down from FIXADDR_TOP " + Hex(s.FixaddrTop) + "; " + set + " set",
                "class", "panel-note", "x", PanelX + 10, "y", top + 38);
            Swatch(PanelX + 10, top + 48, "fix set", "set (PTE present)");
            Swatch(PanelX + 140, top + 48, "fix", "not set");
            _svg.Text("text", "grey label: boot-time", "class", "panel-note boot", "x", PanelX + 240, "y", top + 58);
            if (!s.HasFixmapPtes)
            {
                _svg.Text("text", "The model builds no x86-64 page tables, so no index is ever set here.", "class", "panel-note",
                    "x", PanelX + 10, "y", top + 78);
            }

            foreach (var (group, labelY, cellX, cellY, step, perLine) in rows)
            {
                var boot = group.BootTime ? " boot" : "";
                _svg.Text("text", group.FirstIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), "class", "fixindex mono" + boot, "x", PanelX + 34, "y", labelY);
                _svg.Text("text", group.Label, "class", "fixlabel mono" + boot, "x", PanelX + 40, "y", labelY);
                for (var k = 0; k < group.Count; k++)
                {
                    FixmapCell(group.FirstIndex + k, cellX + (k % perLine) * step, cellY + (k / perLine) * step, step - 2);
                }
            }

            _svg.Close();
            if (RowsOf(RegionKind.FixmapPermanent, RegionKind.FixmapBootTime, RegionKind.FixmapHole) is var (rowTop, rowBottom))
            {
                Zoom("fixmap-zoom", rowTop, rowBottom, top, bottom);
            }

            return bottom;
        }

        private void FixmapCell(int index, double x, double y, double size)
        {
            var slot = _s.Fixmaps[index];
            var state = slot.Mapped ? "set" : "clear";
            _svg.Open("rect", "class", slot.Mapped ? "fix set" : "fix", "data-index", index, "data-name", slot.Name, "data-state", state,
                "x", x, "y", y, "width", size, "height", size);
            _svg.Title(slot.Name + " (index " + index + ") at " + Hex(slot.VirtualAddress) + ": " + (slot.Mapped
                ? "set, PTE " + Hex(slot.Pte) + " maps physical " + Hex(slot.Pte & PteValues.FrameMask) + " (" + string.Join("|", PteFlagNames.Of(slot.Pte)) + ")"
                : "not set"));
            _svg.Close();
        }

        private void Swatch(double x, double y, string cssClass, string text)
        {
            _svg.Empty("rect", "class", cssClass, "x", x, "y", y, "width", 10, "height", 10);
            _svg.Text("text", text, "class", "panel-note", "x", x + 15, "y", y + 9.5);
        }

        /// <summary>The width of a group's label in characters, its index included.</summary>
        private static int LabelLength(FixmapGroup group) => 5 + group.Label.Length;
    }
}
