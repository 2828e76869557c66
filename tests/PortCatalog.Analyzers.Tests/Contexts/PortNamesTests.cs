using PortCatalog.Analyzers.Contexts;

namespace PortCatalog.Analyzers.Tests;

/// <summary>Which identifiers name a port, and the service words before the port word.</summary>
public sealed class PortNamesTests
{
    [Theory]
    [InlineData("port")]
    [InlineData("Port")]
    [InlineData("PORT")]
    [InlineData("_port")]
    [InlineData("@port")]
    [InlineData("smtpPort")]
    [InlineData("LocalPort")]
    [InlineData("HTTPPort")]
    [InlineData("http2Port")]
    [InlineData("SMTP_PORT")]
    [InlineData("smtp_port")]
    [InlineData("port_")]
    [InlineData("portNumber")]
    [InlineData("PORT_NUMBER")]
    public void NamesThatMeanAPort(string name) => Assert.True(PortNames.IsPortName(name));

    [Theory]
    [InlineData("Report")]
    [InlineData("transport")]
    [InlineData("Support")]
    [InlineData("SUPPORT")]
    [InlineData("IMPORT")]
    [InlineData("viewport")]
    [InlineData("ports")]
    [InlineData("portable")]
    [InlineData("Number")]
    [InlineData("")]
    public void NamesThatDoNotMeanAPort(string name) => Assert.False(PortNames.IsPortName(name));

    [Theory]
    [InlineData("ports", true)]
    [InlineData("AllowedPorts", true)]
    [InlineData("OPEN_PORTS", true)]
    [InlineData("Reports", false)]
    [InlineData("port", false)]
    public void NamesThatMeanACollectionOfPorts(string name, bool expected) => Assert.Equal(expected, PortNames.IsPortsName(name));

    [Theory]
    [InlineData("smtpPort", "smtp")]
    [InlineData("SMTP_PORT", "SMTP")]
    [InlineData("httpProxyPort", "httpProxy")]
    [InlineData("allowedPorts", "allowed")]
    [InlineData("port", "")]
    [InlineData("portNumber", "")]
    [InlineData("timeout", "")]
    public void ServiceWordsBeforeThePortWord(string name, string expected) => Assert.Equal(expected, PortNames.ServiceStem(name));
}
