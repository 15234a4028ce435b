using KernelVm.Highmem;
using KernelVm.Layout;

namespace KernelVm.Picture
{
    public sealed partial class LayoutSvg
    {
        private const int PkmapColumns = 32;
        private const double PkmapStep = 11;

        /// <summary>
        /// pkmap_count[] as a grid, slot 0 (PKMAP_BASE) at the top left, each slot coloured by what its count
        /// means, with last_pkmap_nr outlined.
        /// </summary>
        private double DrawPkmapPanel(double top)
        {
            var s = _s;
            if (s.PkmapCounts is not { } counts)
            {
                _svg.Open("g", "id", "pkmap", "data-slots", 0);
                _svg.Empty("rect", "class", "panel", "x", PanelX, "y", top, "width", PanelWidth, "height", 48);
                _svg.Text("text", "No pkmap", "class", "panel-title", "x", PanelX + 10, "y", top + 20);
                _svg.Text("text", s.Is64Bit ? "x86-64 has no high memory: the direct map holds all RAM." : "No CONFIG_HIGHMEM: no persistent kmaps.",
                    "class", "panel-note", "x", PanelX + 10, "y", top + 38);
                _svg.Close();
                return top + 48;
            }

            var free = 0;
            var stale = 0;
            for (var i = 0; i < counts.Count; i++)
            {
                free += counts[i] == 0 ? 1 : 0;
                stale += counts[i] == 1 ? 1 : 0;
            }

            var gridTop = top + 64;
            var gridX = PanelX + 40;
            var rows = (counts.Count + PkmapColumns - 1) / PkmapColumns;
            var legendTop = gridTop + rows * PkmapStep + 12;
            var bottom = legendTop + 4 * 17 + 4;
            _svg.Open("g", "id", "pkmap", "data-slots", counts.Count, "data-last-pkmap-nr", s.LastPkmapNr);
            _svg.Empty("rect", "class", "panel", "x", PanelX, "y", top, "width", PanelWidth, "height", bottom - top);
            _svg.Text("text", "pkmap", "class", "panel-title", "x", PanelX + 10, "y", top + 20);
            _svg.Text("text", counts.Count + " slots up from PKMAP_BASE " + Hex(s.PkmapBase) + ", slot 0 at the top left",
                "class", "panel-note", "x", PanelX + 10, "y", top + 38);
            _svg.Text("text", "pkmap_count[]: " + (counts.Count - free - stale) + " in use, " + stale + " stale, " + free + " free",
                "class", "panel-note strong", "x", PanelX + 10, "y", top + 55);
            for (var row = 0; row < rows; row += 4)
            {
                _svg.Text("text", (row * PkmapColumns).ToString(System.Globalization.CultureInfo.InvariantCulture), "class", "axis mono",
                    "x", gridX - 5, "y", gridTop + row * PkmapStep + 8.5);
            }

            for (var i = 0; i < counts.Count; i++)
            {
                PkmapCell(i, gridX + (i % PkmapColumns) * PkmapStep, gridTop + (i / PkmapColumns) * PkmapStep);
            }

            Swatch(PanelX + 10, legendTop, "slot free", "free: count 0, usable");
            Swatch(PanelX + 10, legendTop + 17, "slot stale", "stale: count 1, mapped and unused until flush_all_zero_pkmaps()");
            Swatch(PanelX + 10, legendTop + 34, "slot in-use", "in use: count n > 1, with n - 1 users (the digit)");
            Swatch(PanelX + 10, legendTop + 51, "slot free last", "last_pkmap_nr = " + s.LastPkmapNr + ": the search for a free slot goes on after it");
            _svg.Close();
            if (RowsOf(RegionKind.Pkmap) is var (rowTop, rowBottom))
            {
                Zoom("pkmap-zoom", rowTop, rowBottom, top, bottom);
            }

            return bottom;
        }

        private void PkmapCell(int slot, double x, double y)
        {
            var count = _s.PkmapCounts![slot];
            var state = _s.PkmapState(slot);
            var name = state switch { PkmapSlotState.Free => "free", PkmapSlotState.Stale => "stale", _ => "in-use" };
            var page = _s.PkmapPfns![slot] is { } pfn ? ", maps pfn " + "0x" + pfn.ToString("X", System.Globalization.CultureInfo.InvariantCulture) : "";
            _svg.Open("rect", "class", "slot " + name + (slot == _s.LastPkmapNr ? " last" : ""), "data-slot", slot, "data-count", count,
                "data-state", name, "x", x, "y", y, "width", PkmapStep - 1, "height", PkmapStep - 1);
            _svg.Title("slot " + slot + " at " + Hex(_s.PkmapBase + ((ulong)slot << Machine.PageShift)) + ": pkmap_count " + count + " ("
                + (state == PkmapSlotState.InUse ? (count - 1) + " users" : name) + ")" + page);
            _svg.Close();
            if (state == PkmapSlotState.InUse)
            {
                _svg.Text("text", count - 1 <= 9 ? (count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "+", "class", "users",
                    "x", x + (PkmapStep - 1) / 2, "y", y + 8);
            }
        }
    }
}
