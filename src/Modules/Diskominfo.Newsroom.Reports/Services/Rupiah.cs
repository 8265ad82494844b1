using Diskominfo.Newsroom.Abstractions.Text;

namespace Diskominfo.Newsroom.Reports.Services;

/// <summary>Amounts as Indonesians read them: "Rp 12.500.000".</summary>
internal static class Rupiah
{
    public static string Of(decimal? amount) => amount is { } value ? (value < 0 ? "-Rp " : "Rp ") + Math.Abs(value).ToString("N0", IndonesianTime.Culture) : "—";
}
