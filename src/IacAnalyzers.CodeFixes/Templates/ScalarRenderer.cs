using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;

namespace IacAnalyzers.CodeFixes.Templates
{
    /// <summary>How a scalar or key is written in this template: JSON strings, or YAML plain/single-quoted scalars.</summary>
    internal sealed class ScalarRenderer
    {
        private readonly bool json;

        public ScalarRenderer(bool json)
        {
            this.json = json;
        }

        public string Key(string key) => json ? Quote(key) : RenderString(key);

        public string RenderScalar(string value, ScalarKind kind)
        {
            switch (kind)
            {
                case ScalarKind.Boolean:
                    return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
                case ScalarKind.Number:
                    return value;
                case ScalarKind.Null:
                    return "null";
                default:
                    return RenderString(value);
            }
        }

        public string RenderString(string value, bool quote = false)
        {
            if (json)
            {
                return Quote(value);
            }

            if (!quote && IsPlainSafe(value))
            {
                return value;
            }

            return "'" + value.Replace("'", "''") + "'";
        }

        private static bool IsPlainSafe(string value)
        {
            if (value.Length == 0 || !(char.IsLetter(value[0]) || value[0] == '_'))
            {
                return false;
            }

            foreach (var ch in value)
            {
                if (!(char.IsLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.' || ch == '/'))
                {
                    return false;
                }
            }

            var lower = value.ToLowerInvariant();
            return lower != "true" && lower != "false" && lower != "null" && lower != "yes" && lower != "no" && lower != "on" && lower != "off" && lower != "y" && lower != "n";
        }

        public static string Quote(string value)
        {
            var sb = new StringBuilder("\"");
            foreach (var ch in value)
            {
                switch (ch)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    case '\n':
                        sb.Append("\\n");
                        break;
                    case '\r':
                        sb.Append("\\r");
                        break;
                    case '\t':
                        sb.Append("\\t");
                        break;
                    default:
                        if (ch < ' ')
                        {
                            sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(ch);
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }
    }
}
