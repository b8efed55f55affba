using System.Globalization;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ec2Network
{
    /// <summary>CIDR reading for the network rules: which sources are "the world".</summary>
    public static class WorldCidr
    {
        /// <summary>True for a string CIDR with prefix length 0 (any address): <c>0.0.0.0/0</c>, <c>10.1.2.3/0</c>, <c>::/0</c>.</summary>
        public static bool IsWorld(Value value)
            => value is ScalarValue scalar && scalar.Kind == ScalarKind.String && IsWorld(scalar.Text);

        /// <summary>True for a CIDR text with prefix length 0; surrounding spaces are ignored.</summary>
        public static bool IsWorld(string text)
        {
            text = text.Trim();
            var slash = text.IndexOf('/');
            if (slash <= 0 || slash != text.LastIndexOf('/'))
            {
                return false;
            }

            var address = text.Substring(0, slash);
            var prefix = text.Substring(slash + 1);
            return (address.IndexOf('.') >= 0 || address.IndexOf(':') >= 0)
                && int.TryParse(prefix, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                && length == 0;
        }
    }
}
