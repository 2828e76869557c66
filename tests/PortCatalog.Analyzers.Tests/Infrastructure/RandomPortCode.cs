using System.Globalization;
using System.Text;

namespace PortCatalog.Analyzers.Tests.Infrastructure;

/// <summary>
/// Generates random, syntactically valid C# files dense in port contexts (arguments, initializers, assignments,
/// comparisons, switches, patterns, attributes, URLs) and in the shapes around them (casts, ?:, ??, lambdas,
/// tuples, element access). Semantics are deliberately loose: unknown names and type errors exercise the analyzers'
/// handling of unbound code. Deterministic for a seed.
/// </summary>
internal sealed class RandomPortCode(int seed)
{
    private static readonly string[] Literals =
    [
        "0", "1", "22", "25", "80", "443", "465", "5432", "7777", "8080", "65535", "65536", "70000", "0x16", "22L",
        "4294967296UL", "22u", "3.5", "1e3", "'p'", "\"http://localhost:8080/\"", "\"postgres://db:5432\"", "true", "null", "default",
        "int.MaxValue", "\"http://[::1]:99999\"",
    ];

    private static readonly string[] Names =
        ["port", "Port", "smtpPort", "SMTP_PORT", "portNumber", "ports", "AllowedPorts", "count", "timeout", "e", "x", "Report", "transport", "@port"];

    private static readonly string[] PortMembers = ["Port", "LocalPort", "DatabasePort", "Length", "Count"];

    private readonly Random _random = new(seed);
    private readonly StringBuilder _text = new();
    private int _indent;

    public string File(int index)
    {
        _text.Clear();
        Line("using System;");
        Line("using System.Net;");
        Line("using System.Net.Sockets;");
        Line("using System.Collections.Generic;");
        Line($"namespace Random{index};");
        Line("[AttributeUsage(AttributeTargets.All, AllowMultiple = true)] sealed class EndpointAttribute : Attribute { public EndpointAttribute(params object[] values) { } public int Port { get; set; } }");
        Line("sealed class Target { public int Port { get; set; } public int LocalPort; public List<int> AllowedPorts { get; } = new(); }");
        var types = 1 + _random.Next(3);
        for (var i = 0; i < types; i++)
        {
            TypeDeclaration("C" + i, depth: 0);
        }

        return _text.ToString();
    }

    private void TypeDeclaration(string name, int depth)
    {
        if (Chance(4))
        {
            Line($"[Endpoint({Expression(1)}, Port = {Pick(Literals)})]");
        }

        var kind = Pick(["class", "struct", "record", "static class", "sealed class"]);
        Line($"{(kind == "static class" ? "static class" : kind)} {name}{(kind == "record" && Chance(2) ? $"(int Port = {Pick(Literals)})" : string.Empty)}");
        Open();
        var members = 2 + _random.Next(6);
        for (var i = 0; i < members; i++)
        {
            var isStatic = kind == "static class" ? "static " : string.Empty;
            switch (_random.Next(9))
            {
                case 0:
                    Line($"{isStatic}int {Field()} = {Expression(2)};");
                    break;
                case 1:
                    Line($"{isStatic}const int {Constant()} = {Pick(Literals)};");
                    break;
                case 2:
                    Line($"{isStatic}int {Constant()} {{ get; set; }} = {Expression(2)};");
                    break;
                case 3:
                    Line($"{isStatic}int {Constant()} => {Expression(2)};");
                    break;
                case 4:
                    Line($"enum E{i} {{ {Constant()} = {Pick(["22", "443", "1", "70000"])}, Other }}");
                    break;
                case 5 when depth < 1:
                    TypeDeclaration(name + "N" + i, depth + 1);
                    break;
                case 6:
                    Line($"{isStatic}int[] {Field()} = {{ {Expression(1)}, {Expression(1)} }};");
                    break;
                default:
                    Method(i, isStatic);
                    break;
            }
        }

        Close();
    }

    private void Method(int index, string modifiers)
    {
        Line($"{modifiers}object? M{index}(int port, Target e, int[] x, int count = {Pick(Literals)}, int smtpPort = {Pick(["25", "0", "7777"])})");
        Open();
        var statements = 1 + _random.Next(8);
        for (var i = 0; i < statements; i++)
        {
            Statement(depth: 0);
        }

        Line("return null;");
        Close();
    }

    private void Statement(int depth)
    {
        switch (_random.Next(depth > 2 ? 6 : 11))
        {
            case 0:
                Line($"var {Local()} = {Expression(3)};");
                break;
            case 1:
                Line($"const int {Local()} = {Pick(Literals)};");
                break;
            case 2:
                Line($"{Target()} = {Expression(3)};");
                break;
            case 3:
                Line($"_ = new IPEndPoint(IPAddress.Any, {Expression(3)});");
                break;
            case 4:
                Line($"_ = {Expression(3)};");
                break;
            case 5:
                Line($"new TcpClient().Connect({(Chance(2) ? "port: " : string.Empty)}{Expression(2)}.ToString(), {Expression(2)});");
                break;
            case 6:
                Line($"switch ({Target()})");
                Open();
                Line($"case {Pick(Literals)}: break;");
                Line($"case {Pick(Literals)} when {Expression(1)} is {Pick(Literals)}: break;");
                Line("default: break;");
                Close();
                break;
            case 7:
                Line($"if (({Expression(2)}) == ({Expression(2)}))");
                Open();
                Statement(depth + 1);
                Close();
                Line("else");
                Open();
                Statement(depth + 1);
                Close();
                break;
            case 8:
                Line($"foreach (var {Local()} in new[] {{ {Expression(1)}, {Expression(1)} }})");
                Open();
                Statement(depth + 1);
                Close();
                break;
            case 9:
                Line($"int Local{_random.Next(1000)}(int port = {Pick(Literals)}) => {Expression(2)};");
                break;
            default:
                Line($"var t = new Target {{ Port = {Expression(2)}, AllowedPorts = {{ {Expression(1)} }} }};");
                break;
        }
    }

    private string Expression(int depth)
    {
        if (depth <= 0 || Chance(4))
        {
            return Chance(3) ? Target() : Pick(Literals);
        }

        var a = Expression(depth - 1);
        var b = Expression(depth - 1);
        return _random.Next(22) switch
        {
            0 => $"({a})",
            1 => $"(ushort)({a})",
            2 => $"(long){Pick(Literals)}",
            3 => $"({Target()} > 0 ? ({a}) : ({b}))",
            4 => $"(({a}) ?? ({b}))",
            5 => $"checked(({a}))",
            6 => $"(({a}) {Pick(["==", "!=", "<", ">=", "+", "*", "&&", "|"])} ({b}))",
            7 => $"new IPEndPoint(IPAddress.Loopback, {a})",
            8 => $"new DnsEndPoint(\"h\", port: {a})",
            9 => $"new UriBuilder(\"http\", \"h\", {a})",
            10 => $"({Target()} switch {{ {Pick(Literals)} => ({a}), _ => ({b}) }})",
            11 => $"({Target()} is {Pick(Literals)} or {Pick(Literals)})",
            12 => $"(e is {{ Port: {Pick(Literals)} }})",
            13 => $"(Func<int>)(() => {a})",
            14 => $"(port: {a}, {b})",
            15 => $"x[{a}]",
            16 => $"-({a})",
            17 => $"$\"http://host:{{{a}}}/{Pick(["8080", "x"])}\"",
            18 => $"new Target {{ Port = {a} }}",
            19 => $"new[] {{ {a}, {b} }}",
            20 => $"((object)({a})).ToString()",
            _ => $"System.Threading.Thread.Sleep({a})",
        };
    }

    private string Target() => Chance(2) ? Pick(Names) : $"{Pick(["e", "this", "new Target()"])}.{Pick(PortMembers)}";

    private string Field() => Pick(["_port", "_adminPort", "_count", "Ports", "_ports", "SSH_PORT"]) + _random.Next(100);

    private string Constant() => Pick(["Port", "AdminPort", "Count", "Timeout", "SMTP_PORT", "HttpsPort"]) + _random.Next(100);

    private string Local() => Pick(["port", "adminPort", "count", "local", "proxyPort"]) + _random.Next(1000);

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private void Open()
    {
        Line("{");
        _indent++;
    }

    private void Close()
    {
        _indent--;
        Line("}");
    }

    private void Line(string line) => _text.Append(' ', _indent * 4).AppendLine(line);

    /// <summary>A string for a seed, for failure messages.</summary>
    public override string ToString() => seed.ToString(CultureInfo.InvariantCulture);
}
