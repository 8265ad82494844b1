using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Operations.Services;

/// <summary>
/// One series of the last 24 hours as an inline SVG line chart, drawn on the server: no script, no library. Missing
/// values break the line; the largest value and the time span are written on the axes.
/// </summary>
internal static class StatusChart
{
    private const int Width = 600;
    private const int Height = 120;
    private const int Left = 48;
    private const int Bottom = 20;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Svg(string title, string unit, IReadOnlyList<(DateTimeOffset At, double? Value)> points, DateTimeOffset from, DateTimeOffset to)
    {
        var values = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var max = values.Count == 0 ? 1 : Math.Max(1, values.Max());
        var span = Math.Max(1, (to - from).TotalSeconds);
        var plotWidth = Width - Left - 4;
        var plotHeight = Height - Bottom - 8;
        string X(DateTimeOffset at) => (Left + (plotWidth * Math.Clamp((at - from).TotalSeconds / span, 0, 1))).ToString("0.#", Invariant);
        string Y(double value) => (8 + (plotHeight * (1 - (value / max)))).ToString("0.#", Invariant);

        var summary = values.Count == 0
            ? $"{title}: belum ada sampel."
            : $"{title}: {values.Count} sampel, terakhir {Number(values[^1])} {unit}, tertinggi {Number(values.Max())} {unit}.";
        var encoder = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"status-chart\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{encoder.Encode(summary)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{encoder.Encode(summary)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 4}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"8\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"16\" text-anchor=\"end\" font-size=\"11\">{encoder.Encode(Number(max))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Height - Bottom}\" text-anchor=\"end\" font-size=\"11\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 4}\" font-size=\"11\">{encoder.Encode(IndonesianTime.Short(from))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 4}\" y=\"{Height - 4}\" text-anchor=\"end\" font-size=\"11\">sekarang</text>");

        // One polyline per run of samples without a gap.
        var run = new List<string>();
        foreach (var (at, value) in points.OrderBy(p => p.At))
        {
            if (value is null)
            {
                Flush(svg, run);
                continue;
            }

            run.Add($"{X(at)},{Y(value.Value)}");
        }

        Flush(svg, run);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Flush(StringBuilder svg, List<string> run)
    {
        if (run.Count == 1)
        {
            var xy = run[0].Split(',');
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"2.5\" fill=\"#1a5fb4\"/>");
        }
        else if (run.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#1a5fb4\" stroke-width=\"2\" points=\"{string.Join(' ', run)}\"/>");
        }

        run.Clear();
    }

    public static string Number(double value) => value.ToString(value % 1 == 0 ? "#,0" : "#,0.#", IndonesianTime.Culture);
}
