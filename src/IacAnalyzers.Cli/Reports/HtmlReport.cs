using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.Cli.Reports
{
    /// <summary>
    /// One self-contained HTML page (no external assets, works offline as a CI artifact): the Well-Architected risk
    /// report with a bar chart of high and medium risks per pillar (inline SVG, drawn without script), the risks by best
    /// practice, and a findings table filterable by text, level and pillar (a few lines of inline script).
    /// </summary>
    public static class HtmlReport
    {
        public const string HighColor = "#c62828";
        public const string MediumColor = "#ef8f00";

        public static void Write(TextWriter w, ScanResult scan, RunSummary summary)
        {
            var risks = RiskReport.From(scan.Findings);
            static string E(string s) => WebUtility.HtmlEncode(s);
            w.WriteLine("<!DOCTYPE html>");
            w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            w.WriteLine("<title>IacAnalyzers: Well-Architected risks</title>");
            w.WriteLine("<style>");
            w.WriteLine("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1f2328;background:#fff}");
            w.WriteLine("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}.muted{color:#59636e}");
            w.WriteLine("table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #d1d9e0;padding:5px 8px;text-align:left;vertical-align:top}");
            w.WriteLine("th{background:#f6f8fa}tr.finding:nth-child(even){background:#f6f8fa}.error{color:" + HighColor + ";font-weight:600}.warning{color:#9a6700;font-weight:600}.note{color:#0969da}");
            w.WriteLine(".filters{display:flex;gap:8px;margin:8px 0}.filters input{flex:1;padding:5px}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}");
            w.WriteLine("code{font-size:12px}</style></head><body>");
            w.WriteLine("<h1>IacAnalyzers: Well-Architected risks</h1>");
            w.WriteLine($"<p class=\"muted\">{RiskReport.Plural(scan.Templates, "template")} checked, iac-analyzers {E(CliApp.Version)}. " +
                        $"<strong id=\"total\">{E(RiskReport.Risks(risks.High, risks.Medium))}</strong>" +
                        (summary.Baselined > 0 ? $"; {summary.Baselined} more in the baseline" : string.Empty) +
                        (scan.Findings.Any(f => f.IsSuppressed) ? $"; {RiskReport.Plural(scan.Findings.Count(f => f.IsSuppressed), "suppressed finding")} not counted" : string.Empty) + ".</p>");

            // The chart: one row per pillar of the framework that has rules, bars for high and medium risks.
            var pillars = new[] { Pillar.Security, Pillar.Reliability, Pillar.PerformanceEfficiency, Pillar.CostOptimization, Pillar.OperationalExcellence, Pillar.Sustainability };
            var max = System.Math.Max(1, risks.Pillars.Select(p => System.Math.Max(p.High, p.Medium)).DefaultIfEmpty(0).Max());
            const int rowHeight = 44, labelWidth = 190, barWidth = 560;
            w.WriteLine("<h2>Risks per pillar</h2>");
            w.WriteLine($"<svg id=\"chart\" role=\"img\" aria-label=\"high and medium risks per pillar\" width=\"{labelWidth + barWidth + 60}\" height=\"{pillars.Length * rowHeight + 10}\" xmlns=\"http://www.w3.org/2000/svg\">");
            for (var i = 0; i < pillars.Length; i++)
            {
                var p = risks.Pillars.FirstOrDefault(x => x.Pillar == pillars[i]);
                int high = p?.High ?? 0, medium = p?.Medium ?? 0, y = i * rowHeight + 4;
                w.WriteLine($"<text x=\"0\" y=\"{y + 24}\" font-size=\"13\">{E(RiskReport.PillarName(pillars[i]))}</text>");
                Bar(w, labelWidth, y + 2, high * barWidth / max, HighColor, high, "high");
                Bar(w, labelWidth, y + 20, medium * barWidth / max, MediumColor, medium, "medium");
            }

            w.WriteLine("</svg>");
            w.WriteLine($"<div class=\"legend muted\"><span style=\"background:{HighColor}\"></span>high risks (errors)<span style=\"background:{MediumColor}\"></span>medium risks (warnings)</div>");

            w.WriteLine("<h2>By best practice</h2><table id=\"practices\"><thead><tr><th>Pillar</th><th>Best practice</th><th>High risks</th><th>Medium risks</th></tr></thead><tbody>");
            foreach (var p in risks.Pillars)
            {
                foreach (var b in p.BestPractices)
                {
                    w.WriteLine($"<tr><td>{E(p.Name)}</td><td>{E(b.Id)} {E(b.Title)}</td><td>{b.High}</td><td>{b.Medium}</td></tr>");
                }
            }

            w.WriteLine("</tbody></table>");

            w.WriteLine("<h2>Findings</h2>");
            w.WriteLine("<div class=\"filters\"><input id=\"q\" type=\"search\" placeholder=\"Filter by text: rule, file, resource, message\" aria-label=\"filter\">");
            w.WriteLine("<select id=\"level\" aria-label=\"level\"><option value=\"\">all levels</option><option>error</option><option>warning</option><option>note</option><option>suppressed</option></select>");
            w.WriteLine("<select id=\"pillar\" aria-label=\"pillar\"><option value=\"\">all pillars</option>" + string.Concat(scan.Findings.Select(f => f.Rule.Pillar).Distinct().OrderBy(x => (int)x).Select(x => $"<option>{x}</option>")) + "</select></div>");
            w.WriteLine("<p class=\"muted\"><span id=\"shown\">" + scan.Findings.Count.ToString(CultureInfo.InvariantCulture) + "</span> of " + scan.Findings.Count.ToString(CultureInfo.InvariantCulture) + " findings shown</p>");
            w.WriteLine("<table id=\"findings\"><thead><tr><th>Level</th><th>Rule</th><th>Pillar</th><th>Location</th><th>Resource</th><th>Message</th></tr></thead><tbody>");
            foreach (var f in scan.Findings)
            {
                var level = f.IsSuppressed ? "suppressed" : f.Level;
                var baseline = f.InBaseline == true ? " (baseline)" : f.InBaseline == false ? " (new)" : string.Empty;
                w.WriteLine($"<tr class=\"finding\" data-level=\"{level}\" data-pillar=\"{f.Rule.Pillar}\"><td class=\"{f.Level}\">{level}{baseline}</td>" +
                            $"<td><a href=\"{E(f.Rule.HelpLink)}\" title=\"{E(f.Rule.Title)}\">{f.Rule.Id}</a></td><td>{E(f.Rule.Pillar.ToString())}</td>" +
                            $"<td><code>{E(f.Path)}:{f.StartLine}:{f.StartColumn}</code></td><td>{E(f.Resource ?? string.Empty)}</td><td>{E(f.Message)}</td></tr>");
            }

            w.WriteLine("</tbody></table>");
            w.WriteLine("<script>");
            w.WriteLine("(function(){var q=document.getElementById('q'),l=document.getElementById('level'),p=document.getElementById('pillar'),rows=document.querySelectorAll('tr.finding'),shown=document.getElementById('shown');");
            w.WriteLine("function apply(){var t=q.value.toLowerCase(),n=0;rows.forEach(function(r){var ok=(!t||r.textContent.toLowerCase().indexOf(t)>=0)&&(!l.value||r.dataset.level===l.value)&&(!p.value||r.dataset.pillar===p.value);r.style.display=ok?'':'none';if(ok)n++;});shown.textContent=n;}");
            w.WriteLine("q.addEventListener('input',apply);l.addEventListener('change',apply);p.addEventListener('change',apply);var h=new URLSearchParams(location.hash.slice(1));if(h.has('q'))q.value=h.get('q');if(h.has('level'))l.value=h.get('level');apply();})();");
            w.WriteLine("</script></body></html>");
        }

        private static void Bar(TextWriter w, int x, int y, int width, string color, int count, string kind)
        {
            if (width > 0)
            {
                w.WriteLine($"<rect class=\"bar-{kind}\" x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"16\" fill=\"{color}\"/>");
            }

            w.WriteLine($"<text x=\"{x + width + 6}\" y=\"{y + 13}\" font-size=\"12\">{count} {kind}</text>");
        }
    }
}
