using System.Diagnostics;
using System.Text;
using Jishi.Web.Tests.Docs;

namespace Jishi.Web.Tests.Documents;

/// <summary>Reads PDFs with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm), as a reader of the printed form would.</summary>
public static class Pdf
{
    public static async Task<byte[]> GetAsync(ApiClient api, string url, string expectedType = "application/pdf")
    {
        var response = await api.Http.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(expectedType, response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    /// <summary>The text as pdftotext extracts it (UTF-8, reading order).</summary>
    public static string Text(byte[] pdf) => Run("pdftotext", pdf, "-enc UTF-8 {0} -");

    /// <summary>The text without any white space: table cells and line breaks do not split the compared strings.</summary>
    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static string Info(byte[] pdf) => Run("pdfinfo", pdf, "{0}");

    public static string Fonts(byte[] pdf) => Run("pdffonts", pdf, "{0}");

    /// <summary>Renders every page to PNG under artifacts/forms/ (kept as test artifacts) and returns the files.</summary>
    public static IReadOnlyList<string> RenderPages(byte[] pdf, string name)
    {
        var dir = Path.Combine(RepoRoot.Path, "artifacts", "forms");
        Directory.CreateDirectory(dir);
        foreach (var old in Directory.GetFiles(dir, name + "-*.png"))
        {
            File.Delete(old);
        }

        Run("pdftoppm", pdf, "-r 80 -png {0} " + Path.Combine(dir, name));
        return Directory.GetFiles(dir, name + "-*.png").Order().ToList();
    }

    private static string Run(string tool, byte[] pdf, string arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"jishi-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"{tool} is missing: install poppler-utils (.ci/run does)", e);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"{tool} failed: {error.Result}");
                return output.Result;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A4 (595 × 842 pt), every font embedded, and no Kangxi radical in place of an ordinary character.</summary>
    public static void AssertPrintReady(byte[] pdf, string text)
    {
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.Matches(@"Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", Info(pdf));
        var fonts = Fonts(pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"\s+yes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$", f)); // emb, sub, uni
        Assert.DoesNotContain(text, c => c is >= '\u2F00' and <= '\u2FDF');
    }
}
