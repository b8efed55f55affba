namespace IacAnalyzers.Cli
{
    public static class Program
    {
        public static int Main(string[] args)
            => CliApp.Run(args, new CliEnvironment(System.Console.Out, System.Console.Error, System.IO.Directory.GetCurrentDirectory())
            {
                OutIsTerminal = !System.Console.IsOutputRedirected,
                ErrIsTerminal = !System.Console.IsErrorRedirected,
            });
    }
}
