using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PortCatalog;

// Dependencies come from configuration (appsettings, environment such as Redis__Host=cache, or --Redis:Host=cache).
var builder = WebApplication.CreateBuilder(args);
var redisHost = builder.Configuration["Redis:Host"] ?? "127.0.0.1";
var redisPort = builder.Configuration.GetValue("Redis:Port", WellKnownPorts.Redis);
var postgresHost = builder.Configuration["Postgres:Host"] ?? "127.0.0.1";
var postgresPort = builder.Configuration.GetValue("Postgres:Port", WellKnownPorts.PostgreSql);

builder.Services.AddHealthChecks()
    // Named from the catalog: "redis 127.0.0.1:6379".
    .AddPortCheck(redisHost, redisPort, tags: ["ready"])
    // A database that is down makes the app Degraded rather than Unhealthy; the probe gives up after one second.
    .AddPortCheck("orders-db", postgresHost, postgresPort, failureStatus: HealthStatus.Degraded, tags: ["ready"], timeout: TimeSpan.FromSeconds(1));

var app = builder.Build();

// --wait-for-dependencies: do not take traffic before the database listens (what wait-for-it.sh does in a shell).
if (builder.Configuration.GetValue("wait-for-dependencies", false))
{
    var waited = await PortProbe.WaitUntilOpenAsync(postgresHost, postgresPort, TimeSpan.FromSeconds(30), app.Lifetime.ApplicationStopping);
    app.Logger.LogInformation("{Host}:{Port} accepted after {Waited}", postgresHost, postgresPort, waited.Waited);
}

app.MapGet("/", () => "PortCatalog.HealthChecks sample: GET /health");
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteReportAsync });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReportAsync });
app.Run();

// The report as JSON: overall status, and per check its status, description and data (state, latency, address).
static Task WriteReportAsync(HttpContext context, HealthReport report)
{
    context.Response.ContentType = "application/json; charset=utf-8";
    var body = new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new
            {
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                data = entry.Value.Data.ToDictionary(d => d.Value is TimeSpan ? d.Key + "Ms" : d.Key, d => d.Value is TimeSpan t ? t.TotalMilliseconds : d.Value),
            }),
    };
    return context.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions { WriteIndented = true }));
}
