using System.Threading.Tasks;

namespace PortCatalog.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => PortcatApp.RunAsync(args);
}
