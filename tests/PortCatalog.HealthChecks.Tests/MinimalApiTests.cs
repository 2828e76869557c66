using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace PortCatalog.HealthChecks.Tests;

/// <summary>A real minimal API on Kestrel (127.0.0.1, a free port) whose /health endpoint is called over HTTP.</summary>
public sealed class MinimalApiTests
{
    [Fact]
    public async Task HealthIs200HealthyWhileEveryCheckedPortListens()
    {
        using var listeners = new LoopbackListeners();
        var cache = listeners.Open(IPAddress.Loopback);
        var database = listeners.Open(IPAddress.Loopback);

        await using var app = await StartAsync(checks => checks
            .AddPortCheck("cache", "127.0.0.1", cache)
            .AddPortCheck("db", "127.0.0.1", database, tags: ["ready"]));
        using var response = await GetAsync(app, "/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var db = body.RootElement.GetProperty("checks").GetProperty("db");
        Assert.Equal("Healthy", db.GetProperty("status").GetString());
        Assert.Equal("Open", db.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal(database, db.GetProperty("data").GetProperty("port").GetInt32());
        Assert.Equal("127.0.0.1", db.GetProperty("data").GetProperty("address").GetString());
        Assert.True(db.GetProperty("data").GetProperty("latencyMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task HealthIs503WhenAPortIsClosedAndTheEntrySaysClosed()
    {
        using var listeners = new LoopbackListeners();
        var cache = listeners.Open(IPAddress.Loopback);
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);

        await using var app = await StartAsync(checks => checks
            .AddPortCheck("cache", "127.0.0.1", cache)
            .AddPortCheck("db", "127.0.0.1", closed));
        using var response = await GetAsync(app, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        var db = body.RootElement.GetProperty("checks").GetProperty("db");
        Assert.Equal("Closed", db.GetProperty("data").GetProperty("state").GetString());
        Assert.Equal("conn-refused", db.GetProperty("data").GetProperty("reason").GetString());
        Assert.StartsWith($"127.0.0.1:{closed} is closed", db.GetProperty("description").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("cache").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AFailureStatusOfDegradedKeepsTheEndpointAt200AndTagsSelectChecks()
    {
        var closed = ProbeTargets.FreeTcpPort(IPAddress.Loopback);
        using var listeners = new LoopbackListeners();
        var cache = listeners.Open(IPAddress.Loopback);

        await using var app = await StartAsync(
            checks => checks
                .AddPortCheck("optional", "127.0.0.1", closed, failureStatus: HealthStatus.Degraded, tags: ["optional"])
                .AddPortCheck("cache", "127.0.0.1", cache, tags: ["ready"]),
            ("/health/ready", check => check.Tags.Contains("ready")));
        using var all = await GetAsync(app, "/health");
        using var ready = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("Degraded", JsonDocument.Parse(await all.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        using var readyBody = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", readyBody.RootElement.GetProperty("status").GetString());
        Assert.Equal(["cache"], readyBody.RootElement.GetProperty("checks").EnumerateObject().Select(p => p.Name));
    }

    private static async Task<HttpResponseMessage> GetAsync(WebApplication app, string path)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        return await client.GetAsync(path);
    }

    private static async Task<WebApplication> StartAsync(Action<IHealthChecksBuilder> addChecks, params (string Path, Func<HealthCheckRegistration, bool> Predicate)[] extraEndpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        addChecks(builder.Services.AddHealthChecks());
        var app = builder.Build();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync });
        foreach (var (path, predicate) in extraEndpoints)
        {
            app.MapHealthChecks(path, new HealthCheckOptions { Predicate = predicate, ResponseWriter = WriteJsonAsync });
        }

        await app.StartAsync();
        return app;
    }

    // The report as JSON, with each entry's data (latency in milliseconds).
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new Dictionary<string, object?>
            {
                ["status"] = e.Value.Status.ToString(),
                ["description"] = e.Value.Description,
                ["data"] = e.Value.Data.ToDictionary(d => d.Key == PortHealthCheckData.Latency ? "latencyMs" : d.Key, d => d.Value is TimeSpan t ? t.TotalMilliseconds : d.Value),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
