using System;
using System.IO;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary><c>dotnet format analyzers</c> applies the package's C# code fix from the command line.</summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class CodeFixTests
    {
        private readonly PackageFixture _fixture;

        public CodeFixTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Dotnet_format_applies_the_packaged_IAC2001_fix_to_CSharp()
        {
            Assert.True(_fixture.Packed.CanFix("IAC2001"), "The package has no code fix provider for IAC2001.");
            var consumer = _fixture.NewConsumer("format");
            var source = consumer.Write("DataStack.cs", ConsumerBuildTests.BadStack.Text);
            var restore = consumer.Run("restore", consumer.ProjectFile, "-nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var format = consumer.Run("format", "analyzers", consumer.ProjectFile, "--diagnostics", "IAC2001", "--severity", "info", "--no-restore");
            var after = File.ReadAllText(source);

            Assert.True(format.ExitCode == 0, format.ToString());
            Assert.DoesNotContain("MultiAz = false", after, StringComparison.Ordinal);
            Assert.Contains("MultiAz = true", after, StringComparison.Ordinal);
            // Only that value changed: the rest of the file is as the user wrote it.
            Assert.Equal(ConsumerBuildTests.BadStack.Text.Replace("MultiAz = false", "MultiAz = true", StringComparison.Ordinal), after);
        }
    }
}
