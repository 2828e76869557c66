using System.Reflection;

namespace PortCatalog.Testing;

/// <summary>
/// The suite's one naming convention (tests/README.md), checked in every test project over its own assembly: a test
/// method is a PascalCase behaviour name (no underscores), and a class that holds tests ends in <c>Tests</c>.
/// </summary>
public sealed class TestNamingConventionTests
{
    [Fact]
    public void EveryTestIsAPascalCaseBehaviourNameInAClassEndingInTests()
    {
        var offenders = Offenders(typeof(TestNamingConventionTests).Assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false }));

        Assert.True(offenders.Count == 0, $"{offenders.Count} names break the convention in tests/README.md (PascalCase behaviour names, classes ending in Tests):\n{string.Join('\n', offenders)}");
    }

    [Fact]
    public void UnderscoreSentencesAndClassesNotEndingInTestsAreReported()
    {
        var offenders = Offenders([typeof(BadlyNamedSample)]);

        Assert.Equal(
            [
                $"{typeof(BadlyNamedSample).FullName}.A_derived_fact_with_an_underscore_sentence: not a PascalCase name",
                $"{typeof(BadlyNamedSample).FullName}.A_theory_with_an_underscore_sentence: not a PascalCase name",
                $"{typeof(BadlyNamedSample).FullName}.lowerCaseStart: not a PascalCase name",
                $"{typeof(BadlyNamedSample).FullName}: a class with tests must end in 'Tests'",
            ],
            offenders);
    }

    /// <summary>What breaks the convention among the tests of <paramref name="classes"/> (inherited tests included), sorted.</summary>
    private static List<string> Offenders(IEnumerable<Type> classes)
    {
        var offenders = new List<string>();
        foreach (var type in classes)
        {
            // [Fact] and everything derived from it: [Theory], [LinuxRootFact], [IanaFact], ...
            var tests = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                .Where(method => method.IsDefined(typeof(FactAttribute), inherit: true))
                .ToList();
            if (tests.Count == 0)
            {
                continue;
            }

            if (!type.Name.EndsWith("Tests", StringComparison.Ordinal))
            {
                offenders.Add($"{type.FullName}: a class with tests must end in 'Tests'");
            }

            offenders.AddRange(tests.Where(method => !IsPascalCase(method.Name)).Select(method => $"{type.FullName}.{method.Name}: not a PascalCase name"));
        }

        offenders.Sort(StringComparer.Ordinal);
        return offenders;
    }

    // An upper-case letter, then letters and digits: CtrlCOnATerminalStopsTheScan, UdpEchoPortIsOpen, Ipv6FactSkips.
    private static bool IsPascalCase(string name) => name.Length > 0 && char.IsAsciiLetterUpper(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// Names the rule must catch. Abstract, so xunit never runs it and the assembly-wide check skips it (and
    /// rename-tests.py leaves this file alone).
    /// </summary>
    public abstract class BadlyNamedSample
    {
        [LinuxFact]
        public void A_derived_fact_with_an_underscore_sentence()
        {
        }

        [Theory]
        [InlineData(1)]
        public void A_theory_with_an_underscore_sentence(int value) => Assert.Equal(1, value);

        [Fact]
        public void lowerCaseStart()
        {
        }

        [Fact]
        public void AGoodName()
        {
        }
    }
}
