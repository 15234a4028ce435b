using System.IO;
using System.Text;
using KernelVm.Profiles;
using KernelVm.State;

namespace KernelVm.Core.Tests;

/// <summary>Saving, restoring and copying a machine's state (docs/machine-file.md).</summary>
public sealed class MachineFileTests
{
    private const ulong GiB = 1UL << 30;

    /// <summary>A 2 GiB 2.6.24 machine driven into every kind of state: slots in use and stale, a wrap and flush, a sleeper, a fixmap, TLB entries.</summary>
    internal static Machine Busy(KernelProfile? kernel = null, Architecture arch = Architecture.X86)
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 2 * GiB, Kernel = kernel ?? KernelProfile.V2_6_24, Architecture = arch, Options = KernelConfig.R2 });
        var first = m.HighStartPfn;
        for (var i = 0UL; i < (ulong)m.Pkmap!.LastPkmap - 1; i++)
        {
            m.Kmap("filler", first + i);
        }

        for (var i = 0UL; i < 10; i++)
        {
            m.Kunmap("filler", first + i);
        }

        m.Kmap("filler", first + 2000);                    // wraps: flush_all_zero_pkmaps frees the ten
        m.Kmap("other", first + 2001);
        for (var pfn = first + 2002; Enumerable.Range(0, m.Pkmap.LastPkmap).Any(s => m.Pkmap.Count(s) == 0); pfn++)
        {
            m.Kmap("filler", pfn);
        }

        m.Kmap("sleeper", first + 3000);                   // every slot in use: sleeps on pkmap_map_wait
        m.SetFixmap(m.FixmapIndex("FIX_APIC_BASE"), 0xFEE00000, noCache: true);
        m.Access("other", 1, m.Pkmap.Address(12));
        m.Access(null, 0, 0xC0100000);
        return m;
    }

    private static string Json(Machine m)
    {
        using var stream = new MemoryStream();
        MachineFile.Write(m, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Machine Read(string json, string? name = null) => MachineFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), name);

    [Theory]
    [InlineData("2.6.24", Architecture.X86)]
    [InlineData("2.6.24", Architecture.X86Pae)]
    [InlineData("2.4.22", Architecture.X86)]
    [InlineData("6.x", Architecture.X86Pae)]
    public void A_saved_machine_reads_back_to_the_same_file(string kernel, Architecture arch)
    {
        var m = Busy(KernelProfile.Find(kernel), arch);
        Assert.Empty(m.CheckConsistency());
        var json = Json(m);
        var back = Read(json);
        Assert.Equal(json, Json(back));
        Assert.Equal(TaskStateOf(m, "sleeper"), TaskStateOf(back, "sleeper"));
    }

    private static Tasks.TaskState TaskStateOf(Machine m, string name) => m.FindTask(name)!.State;

    [Fact]
    public void A_restored_machine_goes_on_as_the_original_does()
    {
        var m = Busy();
        var copy = m.Copy("fork");
        Assert.Equal("fork", copy.Name);

        // The same calls on both give the same outcomes: the sleeper wakes into the same slot.
        var pfn = m.HighStartPfn + 2000;
        var a = m.Kunmap("filler", pfn);
        var b = copy.Kunmap("filler", pfn);
        Assert.Equal(Tasks.TaskState.Running, copy.FindTask("sleeper")!.State);
        Assert.Equal(a.Woken.Count, b.Woken.Count);
        Assert.Equal(a.Woken[0].Slot, b.Woken[0].Slot);
        Assert.Equal(Json(m).Replace("\"fork\"", "\"vm0\""), Json(copy).Replace("\"fork\"", "\"vm0\""));

        // ... and they are independent.
        m.Kmap("solo", m.HighStartPfn + 4000);
        Assert.Null(copy.FindTask("solo"));
    }

    [Fact]
    public void Truncated_or_foreign_files_are_refused()
    {
        var json = Json(Busy());
        Assert.Equal(Errors.MachineFileCorrupt, Assert.Throws<KernelVmException>(() => Read(json.Substring(0, json.Length / 2))).ErrorId);
        Assert.Equal(Errors.MachineFileCorrupt, Assert.Throws<KernelVmException>(() => Read("{\"format\":\"other\",\"version\":1,\"config\":{},\"state\":{}}")).ErrorId);
        Assert.Equal(Errors.MachineFileCorrupt, Assert.Throws<KernelVmException>(() => Read("not json")).ErrorId);
    }

    [Fact]
    public void A_corrupt_file_is_reported_in_one_sentence_per_reason()
    {
        var json = Json(Busy());
        var e = Assert.Throws<KernelVmException>(() => Read(json.Substring(0, 500)));
        Assert.DoesNotContain("..", e.Message);
        Assert.EndsWith(". Nothing was loaded.", e.Message);
    }

    [Fact]
    public void A_file_from_a_newer_format_is_refused_by_version()
    {
        var json = Json(Busy()).Replace("\"version\": 1", "\"version\": 2");
        var e = Assert.Throws<KernelVmException>(() => Read(json));
        Assert.Equal((Errors.MachineFileVersionUnsupported, (object)2), (e.ErrorId, e.Target));

        // A newer format may change everything but "format" and "version": it is still told by its version.
        var other = Assert.Throws<KernelVmException>(() => Read("{\"format\":\"KernelVm.Machine\",\"version\":3,\"machine\":{}}"));
        Assert.Equal(Errors.MachineFileVersionUnsupported, other.ErrorId);
    }

    [Theory]
    [InlineData("\"lastPkmapNr\":1023", "\"lastPkmapNr\":4096", "MachineFileInvalid")]                    // beyond LAST_PKMAP
    [InlineData("\"architecture\":\"X86\"", "\"architecture\":\"Sparc\"", "MachineFileInvalid")]
    [InlineData("\"memorySize\":\"0x80000000\"", "\"memorySize\":\"2GB\"", "MachineFileInvalid")]
    [InlineData("\"state\":\"Blocked\"", "\"state\":\"Running\"", "MachineFileInconsistent")]          // a running task on the wait queue
    public void A_hand_edited_file_that_contradicts_itself_is_refused(string from, string to, string errorId)
    {
        var json = Json(Busy()).Replace(" ", "").Replace("\n", "");
        Assert.Contains(from, json);
        Assert.Equal(errorId, Assert.Throws<KernelVmException>(() => Read(json.Replace(from, to))).ErrorId);
    }

    [Fact]
    public void A_pkmap_count_that_disagrees_with_its_PTE_is_refused()
    {
        var json = Json(Busy()).Replace(" ", "").Replace("\n", "");
        var start = json.IndexOf("\"pkmapCount\":[", System.StringComparison.Ordinal) + "\"pkmapCount\":[".Length;
        var edited = json.Substring(0, start) + "0" + json.Substring(json.IndexOf(',', start));     // slot 0 in use, count edited to 0
        var e = Assert.Throws<KernelVmException>(() => Read(edited));
        Assert.Equal(Errors.MachineFileInconsistent, e.ErrorId);
        Assert.Contains("pkmap slot 0", e.Message);
    }

    [Theory]
    [InlineData("\"sequence\":0,", "\"sequence\":7,")]                                        // a gap: slot 0 of the ring would read as an event
    [InlineData("\"sequence\":0,", "\"sequence\":-1,")]
    public void An_event_log_with_sequence_numbers_out_of_place_is_refused(string from, string to)
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 2 * GiB });
        m.Kmap("task0", m.HighStartPfn);
        var json = Json(m).Replace(" ", "").Replace("\n", "");
        Assert.Contains(from, json);
        var e = Assert.Throws<KernelVmException>(() => Read(json.Replace(from, to)));
        Assert.Equal(Errors.MachineFileInconsistent, e.ErrorId);
        Assert.Contains("event log", e.Message);
    }

    [Fact]
    public void An_event_log_that_lost_its_events_is_refused()
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 2 * GiB });
        m.Kmap("task0", m.HighStartPfn);
        var json = Json(m).Replace(" ", "").Replace("\n", "");
        var start = json.IndexOf("\"items\":[", System.StringComparison.Ordinal) + "\"items\":[".Length;
        var emptied = json.Substring(0, start) + json.Substring(json.IndexOf(']', start));
        Assert.Equal(Errors.MachineFileInconsistent, Assert.Throws<KernelVmException>(() => Read(emptied)).ErrorId);
    }

    // x86-64 set_fixmap() may take a page for a missing table (spp_getpage()); a restored machine has that table and that page reserved.
    [Theory]
    [InlineData("2.6.24")]
    [InlineData("6.x")]
    public void An_x86_64_machine_with_fixmaps_set_reads_back_to_the_same_file(string kernel)
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 2 * GiB, Kernel = KernelProfile.Find(kernel)!, Architecture = Architecture.X86_64, Options = KernelConfig.R2 });
        m.SetFixmap(m.FixmapIndex("FIX_APIC_BASE"), 0xFEE00000, noCache: true);
        m.SetFixmap(m.Fixmaps.EndOfFixed - 1, 0x1000, noCache: false);
        var json = Json(m);
        var back = Read(json);
        Assert.Equal(json, Json(back));
        Assert.Equal(m.Translate(m.FixToVirt(m.Fixmaps.EndOfFixed - 1)), back.Translate(back.FixToVirt(back.Fixmaps.EndOfFixed - 1)));
        Assert.NotEmpty(back.WrittenPageTableEntries());
    }

    // 6.x kmap_local: a task's kmap_ctrl stack, the CPU it is current on, and one switched out all come back.
    [Fact]
    public void A_6x_machine_with_kmap_local_stacks_reads_back_and_goes_on_alike()
    {
        var m = Machine.Boot(new MachineConfig { MemorySize = 2 * GiB, Kernel = KernelProfile.V6, Architecture = Architecture.X86Pae, Options = KernelConfig.R2 with { NrCpus = 2 } });
        var high = m.HighStartPfn;
        m.KmapLocalPage("a", 0, high);
        var top = m.KmapLocalPage("a", 0, high + 1);
        m.KmapLocalPage("b", 0, high + 2);                  // a context switch: a's slots go out, b's come in
        var json = Json(m);
        var back = Read(json);
        Assert.Equal(json, Json(back));
        Assert.Empty(back.CheckConsistency());
        m.KunmapLocal("a", 0, top.VirtualAddress);         // back on CPU 0: b goes out, a comes in, then the unmap
        back.KunmapLocal("a", 0, top.VirtualAddress);
        Assert.Equal(Json(m), Json(back));
    }
}
