using System;
using PortCatalog;

// A first look at the catalog: filled in as the catalog grows.
Console.WriteLine($"{Transport.Tcp | Transport.Udp}");
