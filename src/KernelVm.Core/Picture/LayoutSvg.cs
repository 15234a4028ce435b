using System.Globalization;
using System.IO;
using KernelVm.Layout;

namespace KernelVm.Picture
{
    /// <summary>
    /// Draws a <see cref="LayoutSnapshot"/> as SVG: the regions as a column of rows, top of the address
    /// space at the top as mem_init() prints it, with their bounds, sizes and descriptions; beside them,
    /// zoomed in, the fixmap indices and the pkmap slots by their state. The same snapshot always gives the
    /// same bytes: no clock, no random ids, invariant numbers. Elements carry data- attributes (data-start,
    /// data-slot, data-state, ...) so that a program can read the picture back.
    /// </summary>
    public sealed partial class LayoutSvg
    {
        private const double Width = 1280;
        private const double Margin = 20;
        private const double MapTop = 112;
        private const double TextRight = 566;
        private const double BarX = 578;
        private const double BarWidth = 212;
        private const double PanelX = 852;
        private const double PanelWidth = 408;
        private const double RowMinimum = 32;
        private const double RowPerDoubling = 7;
        private const double MapMaximum = 1100;

        private readonly LayoutSnapshot _s;
        private readonly SvgWriter _svg;
        private readonly string _hexFormat;
        private readonly double[] _rowTop;
        private readonly double[] _rowHeight;

        private LayoutSvg(LayoutSnapshot snapshot, SvgWriter svg)
        {
            _s = snapshot;
            _svg = svg;
            _hexFormat = snapshot.Is64Bit ? "X16" : "X8";
            _rowHeight = LayoutScale.Heights(snapshot.Regions, RowMinimum, RowPerDoubling, MapMaximum);

            // Rows from the top of the address space down: the last region first.
            _rowTop = new double[_rowHeight.Length];
            var y = MapTop;
            for (var i = _rowHeight.Length - 1; i >= 0; i--)
            {
                _rowTop[i] = y;
                y += _rowHeight[i];
            }

            MapBottom = y;
        }

        private double MapBottom { get; }

        /// <summary>Writes the picture of <paramref name="snapshot"/> to <paramref name="output"/> as UTF-8 SVG.</summary>
        public static void Write(LayoutSnapshot snapshot, Stream output)
        {
            // The height depends on the panels: a first pass into nothing measures it.
            double height;
            using (var measure = new SvgWriter(Stream.Null))
            {
                measure.Open("svg");
                height = new LayoutSvg(snapshot, measure).Draw();
                measure.Close();
            }

            using var svg = new SvgWriter(output);
            svg.Open("svg", "width", Width, "height", height, "viewBox", "0 0 " + SvgWriter.Number(Width) + " " + SvgWriter.Number(height),
                "role", "img", "data-machine", snapshot.MachineName);
            svg.Title("Virtual address space of KernelVm machine " + snapshot.MachineName + " (" + snapshot.Summary + ")");
            svg.Style(Css);
            DefineHatch(svg);
            svg.Empty("rect", "width", "100%", "height", "100%", "fill", "#ffffff");
            new LayoutSvg(snapshot, svg).Draw();
            svg.Close();
        }

        private double Draw()
        {
            var s = _s;
            _svg.Text("text", "Virtual address space of machine " + s.MachineName, "class", "title", "x", Margin, "y", 36);
            _svg.Text("text", s.Summary, "class", "subtitle", "x", Margin, "y", 58);
            _svg.Text("text", "Top of the address space at the top, as mem_init() prints the layout. Rows are not to scale: each is at least "
                + SvgWriter.Number(RowMinimum) + " px, plus up to " + SvgWriter.Number(RowPerDoubling)
                + " px for every doubling of the region's size (a logarithmic scale),", "class", "note", "x", Margin, "y", 80);
            _svg.Text("text", "so that a 4 KiB page stays readable beside gigabytes; the bounds and sizes printed are exact.",
                "class", "note", "x", Margin, "y", 95);

            DrawRegions();
            var bottom = DrawFixmapPanel(MapTop);
            bottom = DrawPkmapPanel(bottom + 28);
            bottom = System.Math.Max(bottom, MapBottom) + 30;
            if (s.Overlaps)
            {
                _svg.Text("text", "Without CONFIG_HIGHMEM, VMALLOC_END is computed from the permanent FIXADDR_START, so the boot-time fixmap slots lie inside the vmalloc range; each row shows its own bounds.",
                    "class", "note", "x", Margin, "y", bottom);
                bottom += 18;
            }

            _svg.Text("text", "Drawn by KernelVm (Export-VmLayout) from the state of machine " + s.MachineName + ".", "class", "note", "x", Margin, "y", bottom);
            return bottom + 20;
        }

        private void DrawRegions()
        {
            _svg.Open("g", "id", "regions");
            for (var i = _s.Regions.Count - 1; i >= 0; i--)
            {
                var r = _s.Regions[i];
                var top = _rowTop[i];
                var mid = top + _rowHeight[i] / 2;
                var bounds = Hex(r.Start) + " \u2013 " + Hex(r.Last);
                _svg.Open("g", "class", "region " + KindClass(r.Kind), "data-name", r.Name, "data-kind", r.Kind.ToString(),
                    "data-start", Hex(r.Start), "data-last", Hex(r.Last), "data-size", r.Size);
                _svg.Title(r.Name + ": " + bounds + ", " + SizeText.Exact(r.Size) + ". " + r.Description);
                _svg.Empty("rect", "x", BarX, "y", top, "width", BarWidth, "height", _rowHeight[i]);
                _svg.Text("text", r.Name, "class", "name", "x", BarX + BarWidth / 2, "y", mid - 2);
                _svg.Text("text", SizeText.Readable(r.Size, "\u2248"), "class", "size", "x", BarX + BarWidth / 2, "y", mid + 12);
                _svg.Text("text", bounds, "class", "bounds mono", "x", TextRight, "y", mid - 2);
                _svg.Text("text", r.Description, "class", "desc", "x", TextRight, "y", mid + 12);
                _svg.Close();
            }

            _svg.Close();
        }

        /// <summary>A funnel from rows of the map to the panel that shows them close up.</summary>
        private void Zoom(string id, double rowTop, double rowBottom, double panelTop, double panelBottom) =>
            _svg.Empty("path", "id", id, "class", "zoom", "d", "M" + SvgWriter.Number(BarX + BarWidth) + "," + SvgWriter.Number(rowTop)
                + " L" + SvgWriter.Number(PanelX) + "," + SvgWriter.Number(panelTop) + " L" + SvgWriter.Number(PanelX) + "," + SvgWriter.Number(panelBottom)
                + " L" + SvgWriter.Number(BarX + BarWidth) + "," + SvgWriter.Number(rowBottom) + " Z");

        /// <summary>The top and bottom of the rows of the regions of some kinds; null when there are none.</summary>
        private (double Top, double Bottom)? RowsOf(params RegionKind[] kinds)
        {
            (double, double)? span = null;
            for (var i = 0; i < _s.Regions.Count; i++)
            {
                if (System.Array.IndexOf(kinds, _s.Regions[i].Kind) >= 0)
                {
                    var (top, bottom) = (_rowTop[i], _rowTop[i] + _rowHeight[i]);
                    span = span is var (t, b) ? (System.Math.Min(t, top), System.Math.Max(b, bottom)) : (top, bottom);
                }
            }

            return span;
        }

        private string Hex(ulong value) => "0x" + value.ToString(_hexFormat, CultureInfo.InvariantCulture);

        private static string KindClass(RegionKind kind) => kind switch
        {
            RegionKind.User => "k-user",
            RegionKind.DirectMap => "k-direct",
            RegionKind.Vmalloc => "k-vmalloc",
            RegionKind.Pkmap => "k-pkmap",
            RegionKind.FixmapPermanent => "k-fixmap",
            RegionKind.FixmapBootTime => "k-fixboot",
            RegionKind.Ldt or RegionKind.CpuEntryArea => "k-cpu",
            RegionKind.KernelText => "k-text",
            RegionKind.Modules => "k-modules",
            RegionKind.VirtualMemMap => "k-vmemmap",
            _ => "k-hole",
        };

        private static void DefineHatch(SvgWriter svg)
        {
            svg.Open("defs").Open("pattern", "id", "hatch", "width", 8, "height", 8, "patternUnits", "userSpaceOnUse", "patternTransform", "rotate(45)");
            svg.Empty("rect", "width", 8, "height", 8, "fill", "#f2f2f2");
            svg.Empty("line", "x1", 0, "y1", 0, "x2", 0, "y2", 8, "stroke", "#d0d0d0", "stroke-width", 3);
            svg.Close().Close();
        }
    }
}
