using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IacAnalyzers.Cli.Reports;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    /// <summary>
    /// The HTML report in a real headless browser (Debian's chromium; .ci/run installs it when missing): the page
    /// renders a non-blank chart and the findings table, and the filter script runs.
    /// </summary>
    public class HtmlReportTests
    {
        private static string Chromium()
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            {
                foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
                {
                    var path = Path.Combine(dir, name);
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }

            throw new InvalidOperationException("No chromium on PATH: the HTML report is tested in a real browser. Install it (Debian: apt-get install -y chromium); .ci/run does.");
        }

        private static string Browser(string url, string profile, params string[] args)
        {
            var info = new ProcessStartInfo(Chromium()) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile }.Concat(args))
            {
                info.ArgumentList.Add(a);
            }

            info.ArgumentList.Add(url);
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(120_000), "chromium did not finish");
            return stdout.Result + "\n" + stderr.Result;
        }

        private static bool Near((byte R, byte G, byte B) p, string hex)
        {
            var r = Convert.ToInt32(hex.Substring(1, 2), 16);
            var g = Convert.ToInt32(hex.Substring(3, 2), 16);
            var b = Convert.ToInt32(hex.Substring(5, 2), 16);
            return Math.Abs(p.R - r) + Math.Abs(p.G - g) + Math.Abs(p.B - b) < 24;
        }

        [Fact]
        public void The_report_over_the_samples_renders_its_chart_and_table_in_a_browser()
        {
            using var s = new Scratch();
            var html = Path.Combine(s.Root, "report.html");
            CliRunner.Run(CliRunner.RepositoryRoot, "check", "samples", "--format", "html=" + html);
            var page = File.ReadAllText(html);
            Assert.DoesNotMatch(new Regex("(src|href)=\"(?!https://github.com/IacAnalyzers)[a-z]+:", RegexOptions.IgnoreCase), page);
            var findings = Regex.Matches(page, "<tr class=\"finding\"").Count;
            var errors = Regex.Matches(page, "data-level=\"error\"").Count;
            Assert.True(findings > 0 && errors > 0 && errors < findings);

            var png = Path.Combine(s.Root, "shot.png");
            var url = new Uri(html).AbsoluteUri;
            // Tall enough for the chart and every row (the samples' findings grow with the rules).
            Browser(url, Path.Combine(s.Root, "profile1"), "--screenshot=" + png, "--window-size=1100," + (1200 + (80 * findings)));
            Assert.True(File.Exists(png), "no screenshot");
            var image = Png.Load(png);
            int high = 0, medium = 0;
            var ruleRows = 0;
            for (var y = 0; y < image.Height; y++)
            {
                var border = 0;
                for (var x = 0; x < image.Width; x++)
                {
                    var p = image[x, y];
                    high += Near(p, HtmlReport.HighColor) ? 1 : 0;
                    medium += Near(p, HtmlReport.MediumColor) ? 1 : 0;
                    border += Near(p, "#d1d9e0") ? 1 : 0;
                }

                ruleRows += border > image.Width / 2 ? 1 : 0;
            }

            // The chart's bars: Security has high and medium risks, so both colours cover whole bars, not just text.
            Assert.True(high > 2000, $"high-risk bars: {high} pixels");
            Assert.True(medium > 2000, $"medium-risk bars: {medium} pixels");
            // Every table row is closed by a full-width border line: at least one per finding is on screen.
            Assert.True(ruleRows >= findings, $"{ruleRows} row borders for {findings} findings");

            // The filter script runs in the browser: #level=error leaves the error rows.
            var dom = Browser(url + "#level=error", Path.Combine(s.Root, "profile2"), "--dump-dom");
            Assert.Contains("<span id=\"shown\">" + errors + "</span>", dom);
        }
    }
}
