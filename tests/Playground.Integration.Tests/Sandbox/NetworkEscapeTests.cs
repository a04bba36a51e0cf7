using System.Net;
using System.Net.Sockets;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>Handlers that try the network: the server's own port, anything on the host's loopback, the outside, DNS.</summary>
[Collection(AttackedServerCollection.Name)]
public sealed class NetworkEscapeTests(AttackedServer attacked)
{
    // The sandbox has a network namespace of its own with only a loopback: every attempt fails at once, and nothing
    // leaves the machine (the outside address is TEST-NET-1, 192.0.2.1, reserved for documentation).
    private const string Connector = """
        using System.Net;
        using System.Net.Sockets;

        object Handler(JsonElement input)
        {
            var port = input.GetProperty("port").GetInt32();
            var targets = new[] { ("127.0.0.1", port), ("::1", port), ("127.0.0.1", input.GetProperty("hostPort").GetInt32()), ("192.0.2.1", 80), ("10.0.0.1", 443) };
            var outcomes = new Dictionary<string, string>();
            foreach (var (address, targetPort) in targets)
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try { socket.Connect(IPAddress.Parse(address), targetPort); outcomes[$"{address}:{targetPort}"] = "connected"; }
                catch (SocketException e) { outcomes[$"{address}:{targetPort}"] = e.SocketErrorCode.ToString(); }
            }

            try { outcomes["dns example.com"] = string.Join(",", Dns.GetHostAddresses("example.com").Select(a => a.ToString())); }
            catch (SocketException e) { outcomes["dns example.com"] = e.SocketErrorCode.ToString(); }

            try { using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) }; outcomes["http"] = http.GetStringAsync($"http://127.0.0.1:{port}/healthz").Result; }
            catch (AggregateException e) { outcomes["http"] = e.InnerException!.GetType().Name; }

            outcomes["interfaces"] = string.Join(",", System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name));
            return outcomes;
        }
        """;

    [Fact]
    public async Task The_servers_port_the_hosts_loopback_the_outside_and_dns_are_all_unreachable()
    {
        // A listener on the host's loopback, standing for any local service next to the server.
        using var hostService = new TcpListener(IPAddress.Loopback, 0);
        hostService.Start();
        var hostPort = ((IPEndPoint)hostService.LocalEndpoint).Port;
        await using var attacker = await attacked.AttackerAsync("connector", Connector, new { timeout = 20 });

        var result = await attacker.ContainAsync(new { port = attacked.Server.Address.Port, hostPort });
        var outcomes = result.Json.AsObject().ToDictionary(pair => pair.Key, pair => (string)pair.Value!);

        var port = attacked.Server.Address.Port;
        Assert.Equal(new Dictionary<string, string>
        {
            // Refused: the sandbox's own loopback, where nothing listens.
            [$"127.0.0.1:{port}"] = "ConnectionRefused",
            [$"::1:{port}"] = "ConnectionRefused",
            [$"127.0.0.1:{hostPort}"] = "ConnectionRefused",
            // No route: the namespace has no interface but lo.
            ["192.0.2.1:80"] = "NetworkUnreachable",
            ["10.0.0.1:443"] = "NetworkUnreachable",
            // No name server: /etc/resolv.conf is empty and hosts has localhost only.
            ["dns example.com"] = "HostNotFound",
            ["http"] = "HttpRequestException",
            ["interfaces"] = "lo",
        }, outcomes);
        Assert.False(hostService.Pending());
    }
}
