using System.Globalization;
using System.Runtime.InteropServices;
using Diskominfo.Newsroom.Media.Services;

namespace Diskominfo.Newsroom.UnitTests;

/// <summary>
/// The C heap's freed pages go back to the system after a rendition (<see cref="VipsSettings.ReturnFreedMemory"/>):
/// 64 MiB freed below a block still in use stays resident until the trim, which must give most of it back.
/// </summary>
public sealed class ReturnFreedMemoryTests
{
    private const int Block = 64 * 1024;
    private const int Blocks = 1024;

    [Fact]
    public void ReturnFreedMemory_FreedCHeapBelowABlockInUse_GivenBackToTheSystem()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "glibc's malloc_trim is Linux only");
        var page = new byte[Block];
        Array.Fill(page, (byte)1);
        var blocks = new IntPtr[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(Block); // malloc, below glibc's mmap threshold: from the heap
            Marshal.Copy(page, 0, blocks[i], Block); // touched, so resident
        }

        // Still in use above them: free() alone cannot shrink the heap past it.
        var kept = Marshal.AllocHGlobal(Block);
        try
        {
            foreach (var block in blocks)
            {
                Marshal.FreeHGlobal(block);
            }

            var before = ResidentBytes();
            Assert.True(VipsSettings.ReturnFreedMemory(), "malloc_trim was not called (libc.so.6 not found)");
            var after = ResidentBytes();
            Assert.True(before - after > 32L * 1024 * 1024, $"resident {before / 1048576} MiB before the trim, {after / 1048576} MiB after");
        }
        finally
        {
            Marshal.FreeHGlobal(kept);
        }
    }

    private static long ResidentBytes()
        => long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
}
