using Amazon.CDK;

namespace CdkApp
{
    public static class Program
    {
        public static void Main()
        {
            var app = new App(new AppProps { Outdir = "cdk.out" });
            _ = new GoodStack(app, "GoodStack");
            _ = new BadStack(app, "BadStack");
            app.Synth();
        }
    }
}
