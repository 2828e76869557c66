namespace PortCatalog.Package.Tests;

/// <summary>Runs the dotnet CLI as a user would, outside the test host's MSBuild environment.</summary>
public static class DotNetCli
{
    public static ProcessResult Run(string workingDirectory, params string[] arguments)
        => ExternalCommand.Run("dotnet", arguments, TimeSpan.FromMinutes(5), start =>
        {
            start.WorkingDirectory = workingDirectory;

            // The test host runs inside `dotnet test`, whose MSBuild variables would leak into the user's build.
            foreach (var key in start.Environment.Keys.ToList())
            {
                if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(key);
                }
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        });
}
