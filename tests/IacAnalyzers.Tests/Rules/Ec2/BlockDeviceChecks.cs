using System;
using System.Collections.Generic;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Ec2;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    /// <summary>The checks the IAC1003 test files share: the rule, the finding of a device without Encrypted, a one-of device list.</summary>
    internal static class BlockDeviceChecks
    {
        public static readonly IAC1003_Ec2BlockDeviceNotEncrypted Rule = new IAC1003_Ec2BlockDeviceNotEncrypted();

        /// <summary>The one finding: its whole <paramref name="message"/>, and a fix that adds <c>Encrypted</c> where there was none.</summary>
        public static void AddsEncrypted(IReadOnlyList<Finding> findings, string message)
        {
            var finding = Assert.Single(findings);
            Assert.Equal(message, finding.FormatMessage());
            var fix = Assert.IsType<SetPropertyFix>(finding.Fix);
            Assert.Equal("Encrypted", fix.Property);
            Assert.Null(fix.Existing);
        }

        /// <summary>
        /// A list of one <paramref name="device"/> chosen by condition <c>Secure</c> (at 40): <c>Encrypted: true</c> (at 60)
        /// when it holds, <c>Encrypted: false</c> (at 80) when not.
        /// </summary>
        public static Value SecureOrNot(ViewBuilder v, string device)
            => v.If("Secure", Device(v, device, true, 60), Device(v, device, false, 80), at: 40);

        /// <summary>What <see cref="SecureOrNot"/> gives: one finding, at the false value, naming its branch, with no fix.</summary>
        public static void OnlyTheFalseBranch(IReadOnlyList<Finding> findings)
        {
            var finding = Assert.Single(findings);
            Assert.Equal(80, finding.Location.Start);
            Assert.Null(finding.Fix);
            Assert.Contains("when condition 'Secure' is false", finding.FormatMessage(), StringComparison.Ordinal);
        }

        private static ListValue Device(ViewBuilder v, string device, bool encrypted, int at)
            => v.L(v.M(("DeviceName", v.S(device)), ("Ebs", v.M(("Encrypted", v.B(encrypted, at: at))))));
    }
}
