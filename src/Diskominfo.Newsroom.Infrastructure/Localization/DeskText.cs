using System.Globalization;
using Diskominfo.Newsroom.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Diskominfo.Newsroom.Infrastructure.Localization;

/// <summary>
/// The interface text shared by the desk and the site. Indonesian is the source language and the key
/// (<c>T["Meja kerja"]</c>); English comes from <c>DeskText.en.resx</c>. A text without a translation shows in Indonesian.
/// </summary>
public sealed class DeskText;

/// <summary>Indonesian first, English second (the interface language); the choice is kept in a cookie set by <c>/bahasa?c=en</c>.</summary>
public static class NewsroomCultures
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static RequestLocalizationOptions Options()
    {
        // Only the interface language changes: formatting and parsing (model binding of numbers and dates) stay
        // invariant, and Indonesian dates are written explicitly with IndonesianTime.
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Indonesian),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [Indonesian, English],
        };

        // Only an explicit choice switches language, kept in the reader's own cookie: a browser's own language does not
        // override the office's Indonesian, and no query string (?culture=, ?ui-culture=) changes it, so a link cannot
        // put a page in another language (nor into the public page cache under another reader's key).
        options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = NewsroomCookies.Language }];
        return options;
    }

    /// <summary><c>/bahasa?c=en&amp;r=/admin</c>: remembers the language for a year and goes back to a local page.</summary>
    public static void UseLanguageSwitch(this IApplicationBuilder app)
        => app.Map("/bahasa", branch => branch.Run(context =>
        {
            var culture = context.Request.Query["c"].ToString() == "en" ? English : Indonesian;
            context.Response.Cookies.Append(
                NewsroomCookies.Language,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                NewsroomCookies.Options(context.Request, SameSiteMode.Lax, TimeSpan.FromDays(365)));
            var back = context.Request.Query["r"];
            context.Response.Redirect(LocalRedirects.Or(back.Count == 1 ? back[0] : null, "/"));
            return Task.CompletedTask;
        }));
}

/// <summary>The language a page is in, for <c>&lt;html lang&gt;</c>.</summary>
public static class PageLanguage
{
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";

    public static bool IsEnglish => Current == "en";
}
