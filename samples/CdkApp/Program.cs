using Amazon.CDK;

namespace CdkApp
{
    public static class Program
    {
        public static void Main()
        {
            // No Outdir: `cdk synth` (and the consistency test) chooses it through CDK_OUTDIR.
            var app = new App();
            _ = new GoodStack(app, "GoodStack");
            _ = new BadStack(app, "BadStack");
            app.Synth();
        }
    }
}
