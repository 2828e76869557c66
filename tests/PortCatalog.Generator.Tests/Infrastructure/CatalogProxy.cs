using System.Linq.Expressions;
using System.Reflection;

namespace PortCatalog.Generator.Tests.Infrastructure;

/// <summary>Calls a generated catalog class, compiled into an in-memory assembly, through reflection.</summary>
internal sealed class CatalogProxy
{
    private readonly MethodInfo _tryGetInfo;
    private readonly MethodInfo _tryGetInfoByTransport;
    private readonly MethodInfo _tryGetPort;
    private readonly Type _type;

    public CatalogProxy(Assembly assembly, string fullName)
    {
        _type = assembly.GetType(fullName, throwOnError: true)!;
        _tryGetInfo = _type.GetMethod("TryGetInfo", [typeof(int), typeof(PortInfo).MakeByRefType()])!;
        _tryGetInfoByTransport = _type.GetMethod("TryGetInfo", [typeof(int), typeof(Transport), typeof(PortInfo).MakeByRefType()])!;
        _tryGetPort = _type.GetMethod("TryGetPort")!;
        var getPort = _type.GetMethod("TryGetPort")!;
        var parameter = Expression.Parameter(typeof(string));
        var portVariable = Expression.Variable(typeof(int));
        var body = Expression.Block(
            [portVariable],
            Expression.Condition(
                Expression.Call(getPort, Expression.Call(typeof(MemoryExtensions), nameof(MemoryExtensions.AsSpan), null, parameter), portVariable),
                portVariable,
                Expression.Constant(-1)));
        _getPortOrMinusOne = Expression.Lambda<Func<string, int>>(body, parameter).Compile();
    }

    private readonly Func<string, int> _getPortOrMinusOne;

    public Type Type => _type;

    public bool TryGetInfo(int port, out PortInfo info)
    {
        var args = new object?[] { port, null };
        var found = (bool)_tryGetInfo.Invoke(null, args)!;
        info = found ? (PortInfo)args[1]! : default;
        return found;
    }

    public bool TryGetInfo(int port, Transport transport, out PortInfo info)
    {
        var args = new object?[] { port, transport, null };
        var found = (bool)_tryGetInfoByTransport.Invoke(null, args)!;
        info = found ? (PortInfo)args[2]! : default;
        return found;
    }

    /// <summary>TryGetPort takes a span, which reflection cannot pass; a compiled expression can.</summary>
    public int? TryGetPort(string name)
    {
        var port = _getPortOrMinusOne(name);
        return port < 0 ? null : port;
    }

    public object? Constant(string name) => _type.GetField(name)?.GetRawConstantValue();

    /// <summary>Every entry, through the list view (a span cannot be returned through reflection).</summary>
    public PortInfo[] All()
    {
        Assert.NotNull(_type.GetProperty("All"));
        return [.. (IReadOnlyList<PortInfo>)_type.GetProperty("Entries")!.GetValue(null)!];
    }

    /// <summary>Every entry covering a port for the transports, in rank order.</summary>
    public PortInfo[] GetInfos(int port, Transport transport = Transport.None)
        => (PortInfo[])_type.GetMethod("GetInfos")!.Invoke(null, [port, transport])!;
}
