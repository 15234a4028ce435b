namespace KernelVm.Exercises
{
    /// <summary>What an answer is, which decides how it is written: addresses and pfns in hex, indices in decimal.</summary>
    public enum AnswerKind
    {
        Address,
        Pfn,
        Size,
        Index,
    }
}
