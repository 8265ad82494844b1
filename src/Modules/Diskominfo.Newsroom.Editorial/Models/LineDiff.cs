namespace Diskominfo.Newsroom.Editorial.Models;

/// <summary>One row of a side-by-side diff: the old line, the new line, or both when unchanged.</summary>
public sealed record DiffRow(string Kind, string? Old, string? New)
{
    public const string Same = "same";
    public const string Removed = "removed";
    public const string Added = "added";
    public const string Changed = "changed";
}

/// <summary>
/// A line diff by longest common subsequence, shown side by side: a removed line next to the line added in its place
/// reads as "changed". Versions are a few hundred lines at most, so the quadratic table is small.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffRow> Compare(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var rows = new List<DiffRow>();
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            for (var k = 0; k < Math.Max(removed.Count, added.Count); k++)
            {
                var old = k < removed.Count ? removed[k] : null;
                var @new = k < added.Count ? added[k] : null;
                rows.Add(new DiffRow(old is not null && @new is not null ? DiffRow.Changed : old is not null ? DiffRow.Removed : DiffRow.Added, old, @new));
            }

            removed.Clear();
            added.Clear();
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Flush();
                rows.Add(new DiffRow(DiffRow.Same, a[x], b[y]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(b[y++]);
            }
            else
            {
                removed.Add(a[x++]);
            }
        }

        Flush();
        return rows;
    }
}
