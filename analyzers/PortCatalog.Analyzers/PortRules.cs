using Microsoft.CodeAnalysis;

namespace PortCatalog.Analyzers;

/// <summary>The diagnostic descriptors of every PortCatalog rule: ids, titles, messages and categories live here only.</summary>
internal static class PortRules
{
    /// <summary>
    /// Where the rule pages live: <c>docs/rules/PORTnnn.md</c> in the repository, as a browsable URL.
    /// Every descriptor's help link is this prefix + the id + <c>.md</c>; change the prefix here if the repository moves.
    /// </summary>
    public const string HelpLinkPrefix = "https://github.com/PortCatalog/PortCatalog/blob/main/docs/rules/";

    private const string Category = "Maintainability";
    private const string ReliabilityCategory = "Reliability";

    /// <summary>PORT001: a literal port number that has a catalog constant.</summary>
    public static readonly DiagnosticDescriptor UseCatalogConstant = new(
        PortDiagnosticIds.UseCatalogConstant,
        title: "Use the catalog constant for a well-known port",
        messageFormat: "Port {0} is hardcoded; use {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A port number written as a literal where the code means a port, when a port catalog (WellKnownPorts or a generated user catalog) names it. The constant says which service is meant and is found by Find All References.",
        helpLinkUri: HelpLinkFor(PortDiagnosticIds.UseCatalogConstant));

    /// <summary>PORT002: a literal port number with no catalog constant.</summary>
    public static readonly DiagnosticDescriptor ExtractPortConstant = new(
        PortDiagnosticIds.ExtractPortConstant,
        title: "Name a hardcoded port number",
        messageFormat: "Port {0} is hardcoded; extract a named constant",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A port number written as a literal where the code means a port, which no port catalog names. A named constant documents which service the port belongs to.",
        helpLinkUri: HelpLinkFor(PortDiagnosticIds.ExtractPortConstant));

    /// <summary>PORT003: a literal outside 0–65535 where a port is meant.</summary>
    public static readonly DiagnosticDescriptor PortOutOfRange = new(
        PortDiagnosticIds.PortOutOfRange,
        title: "Port number outside 0-65535",
        messageFormat: "{0} is not a valid port number (0-65535); it fails at run time",
        ReliabilityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A literal used as a port that no TCP or UDP port can have. IPEndPoint, TcpClient and friends throw ArgumentOutOfRangeException for it.",
        helpLinkUri: HelpLinkFor(PortDiagnosticIds.PortOutOfRange));

    /// <summary>PORT004: a port inside a URL string literal that has a catalog constant (opt-in).</summary>
    public static readonly DiagnosticDescriptor UrlPortHasCatalogConstant = new(
        PortDiagnosticIds.UrlPortHasCatalogConstant,
        title: "Well-known port inside a URL string",
        messageFormat: "Port {0} in a URL is hardcoded; use {1}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: false,
        description: "A URL string literal such as \"http://localhost:8080\" whose port a port catalog names. Off by default: URLs in strings are often configuration defaults that cannot take a constant.",
        helpLinkUri: HelpLinkFor(PortDiagnosticIds.UrlPortHasCatalogConstant));

    /// <summary>
    /// PORT005: a <c>const</c> or enum member whose value a catalog constant names. The port is already named, so this
    /// is not "hardcoded": it is a second name for a catalog entry. Its own id, so that a severity set for PORT001 does
    /// not turn this suggestion into an error.
    /// </summary>
    public static readonly DiagnosticDescriptor ConstantDuplicatesCatalog = new(
        PortDiagnosticIds.ConstantDuplicatesCatalog,
        title: "Define a port constant from the catalog constant",
        messageFormat: "{0} duplicates {1} ({2}); define it as {1}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A const (or enum member) whose value a port catalog names. Defining it as the catalog constant keeps one source for the number and lets Find All References see every use of the service's port.",
        helpLinkUri: HelpLinkFor(PortDiagnosticIds.ConstantDuplicatesCatalog));

    /// <summary>The help link of a rule id.</summary>
    public static string HelpLinkFor(string id) => HelpLinkPrefix + id + ".md";
}
