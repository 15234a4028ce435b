using System.Management.Automation.Host;

namespace KernelVm.Shell;

/// <summary>
/// Just enough of a raw console for the formatter: the width it lays tables out in. Redirected
/// output gets a fixed width so that scripted runs print the same everywhere.
/// </summary>
internal sealed class ShellRawUserInterface : PSHostRawUserInterface
{
    private const int RedirectedWidth = 120;

    private static int Width => Console.IsOutputRedirected ? RedirectedWidth : Math.Max(40, SafeWindowWidth());

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize { get => new(Width, 9001); set { } }

    public override Coordinates CursorPosition { get; set; }

    public override int CursorSize { get; set; } = 1;

    public override bool KeyAvailable => false;

    public override Size MaxPhysicalWindowSize => new(Width, 50);

    public override Size MaxWindowSize => new(Width, 50);

    public override Coordinates WindowPosition { get; set; }

    public override Size WindowSize { get => new(Width, 50); set { } }

    public override string WindowTitle { get; set; } = "KernelVm";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("KernelVm.Shell reads whole lines.");

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return RedirectedWidth;
        }
    }
}
