using System;
using System.Globalization;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// The few Unicode cases where YAML parsers and JSON readers part ways, settled once for both readers:
    /// <list type="bullet">
    /// <item>An escape of half a UTF-16 surrogate pair (<c>"\ud800"</c> alone) is not a character. Both readers reject the
    /// file with the same message at the escape (RFC 8259 calls such strings unpredictable; YAML forbids them).</item>
    /// <item>Raw U+0085 (NEL), U+2028 (LS) and U+2029 (PS) are ordinary characters in JSON and in YAML 1.2 (which made
    /// YAML a superset of JSON); YamlDotNet still breaks lines at them as YAML 1.1 did, so the YAML reader hides them
    /// from it behind same-length stand-ins and puts them back in the values. Offsets do not move.</item>
    /// </list>
    /// </summary>
    internal static class UnicodeText
    {
        private const char Nel = '\u0085';
        private const char Ls = '\u2028';
        private const char Ps = '\u2029';

        // Noncharacters: never interchanged as text, and printable for YamlDotNet (inside #xE000-#xFFFD).
        private const char NelStandIn = '\uFDD0';
        private const char LsStandIn = '\uFDD1';
        private const char PsStandIn = '\uFDD2';

        private static readonly char[] Breaks = { Nel, Ls, Ps };
        private static readonly char[] StandIns = { NelStandIn, LsStandIn, PsStandIn };

        /// <summary>The message both readers give for a lone surrogate escape.</summary>
        public static string LoneSurrogateMessage(string escape)
            => "the escape " + escape + " is half of a UTF-16 surrogate pair without its other half, which is not a character; " +
               "write the character itself, or both halves (e.g. \\ud83d\\ude00)";

        /// <summary>
        /// The first escape of a lone surrogate (<c>\ud800</c> not followed by a low half, a low half alone,
        /// <c>\U0000D800</c>) at or after <paramref name="from"/>; -1 when there is none.
        /// </summary>
        public static int FindLoneSurrogateEscape(string text, int from, out string escape)
        {
            escape = string.Empty;
            for (var i = Math.Max(0, from); i < text.Length - 1; i++)
            {
                if (text[i] != '\\')
                {
                    continue;
                }

                var e = text[i + 1];
                if (e == '\\')
                {
                    i++;
                    continue;
                }

                var digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
                if (digits == 0 || !TryHex(text, i + 2, digits, out var code) || code < 0xD800 || code > 0xDFFF)
                {
                    continue;
                }

                var next = i + 2 + digits;
                if (code <= 0xDBFF && next + 6 <= text.Length && text[next] == '\\' && text[next + 1] == 'u'
                    && TryHex(text, next + 2, 4, out var low) && low >= 0xDC00 && low <= 0xDFFF)
                {
                    i = next + 5;
                    continue;
                }

                escape = text.Substring(i, 2 + digits);
                return i;
            }

            return -1;
        }

        private static bool TryHex(string text, int start, int digits, out int value)
        {
            value = 0;
            if (start + digits > text.Length)
            {
                return false;
            }

            return int.TryParse(text.Substring(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>
        /// The text with NEL, LS and PS replaced by stand-ins (same length), or the text itself when it has none (or
        /// already holds a stand-in, which is then left alone: such a text is not worth the ambiguity).
        /// </summary>
        public static string HideLineBreakLookalikes(string text, out bool hidden)
        {
            hidden = false;
            if (text.IndexOfAny(Breaks) < 0 || text.IndexOfAny(StandIns) >= 0)
            {
                return text;
            }

            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                switch (chars[i])
                {
                    case Nel:
                        chars[i] = NelStandIn;
                        break;
                    case Ls:
                        chars[i] = LsStandIn;
                        break;
                    case Ps:
                        chars[i] = PsStandIn;
                        break;
                }
            }

            hidden = true;
            return new string(chars);
        }

        /// <summary>Puts back the characters <see cref="HideLineBreakLookalikes"/> hid.</summary>
        public static string Restore(string value)
        {
            if (value.IndexOfAny(StandIns) < 0)
            {
                return value;
            }

            return value.Replace(NelStandIn, Nel).Replace(LsStandIn, Ls).Replace(PsStandIn, Ps);
        }
    }
}
