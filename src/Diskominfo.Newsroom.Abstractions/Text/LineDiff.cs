namespace Diskominfo.Newsroom.Abstractions.Text;

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
        var left = before.Split('\n');
        var right = after.Split('\n');

        // Edits are local: the unchanged head and tail are taken off first, so the table covers only what differs.
        var head = 0;
        while (head < left.Length && head < right.Length && left[head] == right[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < left.Length - head && tail < right.Length - head && left[^(tail + 1)] == right[^(tail + 1)])
        {
            tail++;
        }

        var rows = left.Take(head).Select(line => new DiffRow(DiffRow.Same, line, line)).ToList();
        rows.AddRange(Middle(left[head..^tail], right[head..^tail]));
        rows.AddRange(left[^tail..].Select(line => new DiffRow(DiffRow.Same, line, line)));
        return rows;
    }

    private static List<DiffRow> Middle(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var rows = new List<DiffRow>();
        if ((long)a.Length * b.Length > 4_000_000)
        {
            // A rewrite of thousands of lines: shown as the old text beside the new, not worth a 16 MB table.
            rows.AddRange(Enumerable.Range(0, Math.Max(a.Length, b.Length)).Select(i => new DiffRow(
                i < a.Length && i < b.Length ? DiffRow.Changed : i < a.Length ? DiffRow.Removed : DiffRow.Added,
                i < a.Length ? a[i] : null, i < b.Length ? b[i] : null)));
            return rows;
        }

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
