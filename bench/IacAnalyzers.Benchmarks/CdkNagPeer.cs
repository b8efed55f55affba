using System;
using System.Diagnostics;
using System.IO;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// The peer side by side in <c>--cli N --cdk-nag</c>: cdk-nag's AwsSolutions pack over the same templates, each loaded
    /// into a stack of one CDK app with <c>CfnInclude</c> and checked by the pack's <c>validateScope</c> (cdk-nag 3 is a
    /// policy-validation plugin; <c>Aspects.of(app).add</c>, the 2.x way, fails at synth), in one node process. npm
    /// installs the pinned packages once into <c>artifacts/bench/cdk-nag</c> (a scratch folder git ignores); nothing of it
    /// is in the repository. The script prints <c>stats: … peak_rss_kb=…</c> (node's maxRSS) like the tool's
    /// <c>--stats</c>, so both are measured the same way.
    /// </summary>
    public static class CdkNagPeer
    {
        public const string CdkNagVersion = "3.0.2";
        public const string AwsCdkLibVersion = "2.278.0";
        public const string ConstructsVersion = "10.5.1";

        private const string Script = @"'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const root = process.argv[2];
const files = [];
const pending = [root];
while (pending.length > 0) {
  const dir = pending.pop();
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) pending.push(p);
    else if (/\.(ya?ml|json|template)$/i.test(e.name)) files.push(p);
  }
}

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nag-out-'));
const app = new cdk.App({ outdir });
let loaded = 0;
let failed = 0;
files.forEach((file, i) => {
  const stack = new cdk.Stack(app, 'S' + i);
  try {
    new CfnInclude(stack, 'T', { templateFile: file });
    loaded++;
  } catch (e) {
    failed++;
  }
});
// cdk-nag 3 is a policy-validation plugin (Validations.of(app).addPlugins), which fails the synth on the first
// violation; validateScope runs the same rules over the same construct tree and returns the report instead.
const report = new AwsSolutionsChecks(app).validateScope(app);
let findings = 0;
for (const v of report.violations) findings += v.violatingResources.length;
fs.rmSync(outdir, { recursive: true, force: true });
console.error(`stats: templates=${files.length} loaded=${loaded} load_failed=${failed} findings=${findings} peak_rss_kb=${process.resourceUsage().maxRSS}`);
";

        /// <summary>Installs the packages (once) and writes the script; returns the script's path, or null with the reason printed.</summary>
        public static string? Prepare(string repositoryRoot)
        {
            var dir = Path.Combine(repositoryRoot, "artifacts", "bench", "cdk-nag");
            Directory.CreateDirectory(dir);
            var script = Path.Combine(dir, "nag.js");
            File.WriteAllText(script, Script);
            if (!File.Exists(Path.Combine(dir, "node_modules", "cdk-nag", "package.json")))
            {
                File.WriteAllText(Path.Combine(dir, "package.json"), "{ \"name\": \"iac-bench-cdk-nag\", \"private\": true }\n");
                Console.WriteLine($"Installing cdk-nag {CdkNagVersion}, aws-cdk-lib {AwsCdkLibVersion} into {dir} (npm) ...");
                var (exit, output) = Run(dir, "npm", "install", "--no-audit", "--no-fund", "cdk-nag@" + CdkNagVersion, "aws-cdk-lib@" + AwsCdkLibVersion, "constructs@" + ConstructsVersion);
                if (exit != 0)
                {
                    Console.WriteLine("npm install failed; cdk-nag left out:\n" + output);
                    return null;
                }
            }

            return script;
        }

        private static (int ExitCode, string Output) Run(string cwd, string exe, params string[] args)
        {
            var info = new ProcessStartInfo(exe) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            try
            {
                using var p = Process.Start(info)!;
                var stdout = p.StandardOutput.ReadToEndAsync();
                var stderr = p.StandardError.ReadToEnd();
                p.WaitForExit();
                return (p.ExitCode, stdout.Result + stderr);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                return (-1, exe + ": " + ex.Message);
            }
        }
    }
}
