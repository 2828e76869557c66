using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Linq;

namespace PortCatalog.Cli;

/// <summary>
/// Examples in <c>--help</c>: System.CommandLine's help has no examples section, so the help option's action is
/// wrapped to print the command's examples after the standard text. Command lists stay one line per command.
/// </summary>
internal static class CommandHelp
{
    private static readonly Dictionary<Command, string[]> Examples = [];

    /// <summary>Sets the example command lines <c>portcat &lt;command&gt; --help</c> ends with.</summary>
    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        Examples[command] = examples;
        return command;
    }

    /// <summary>Makes <paramref name="root"/>'s help option (shared by every subcommand) print the examples.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction standard)
        {
            help.Action = new HelpWithExamples(standard);
        }
    }

    private sealed class HelpWithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }

                output.WriteLine();
            }

            return exitCode;
        }
    }
}
