using System.Text;

namespace Diskominfo.Newsroom.Users.Services;

/// <summary>Reads a password from standard input: at a terminal asked twice without echo; piped, the first line.</summary>
internal static class AdminPasswordReader
{
    public static async Task<string?> ReadAsync(TextWriter output)
    {
        if (Console.IsInputRedirected)
        {
            return (await Console.In.ReadLineAsync())?.TrimEnd('\r');
        }

        var first = Prompt(output, "Kata sandi admin: ");
        var second = Prompt(output, "Ulangi kata sandi: ");
        if (first != second)
        {
            await output.WriteLineAsync("Kedua kata sandi tidak sama.");
            return null;
        }

        return first;
    }

    private static string Prompt(TextWriter output, string prompt)
    {
        output.Write(prompt);
        output.Flush();
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
