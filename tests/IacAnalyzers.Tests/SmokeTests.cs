using System.Linq;
using IacAnalyzers.Catalog;
using Xunit;

namespace IacAnalyzers.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void Catalog_is_not_empty()
        {
            Assert.Contains(RuleCatalog.All, r => r.Id == "IAC2001");
            Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        }
    }
}
