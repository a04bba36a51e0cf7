// Create expensive clients in Init: once per execution context, reused by every warm invocation.
var shared = new Connection("created in Init");

async Task<object> Handler(JsonElement input, ILambdaContext context)
{
    var reuse = !input.TryGetProperty("reuse", out var flag) || flag.GetBoolean();

    // The anti-pattern: a new connection (and its handshake) in every invocation.
    var connection = reuse ? shared : new Connection("created in the handler");
    var rows = await connection.QueryAsync("select 1");
    return new
    {
        reuse,
        connection = connection.Name,
        connectionId = connection.Id,
        queriesOnThisConnection = connection.Queries,
        handshakesInThisContext = Connection.Handshakes,
        rows,
    };
}

// Stands in for a database or HTTP client: the handshake is what costs (simulated here with a 150 ms wait).
class Connection
{
    public static int Handshakes;

    public Connection(string name)
    {
        Thread.Sleep(150);
        Name = name;
        Id = Guid.NewGuid().ToString("N")[..8];
        Interlocked.Increment(ref Handshakes);
    }

    public string Name { get; }
    public string Id { get; }
    public int Queries { get; private set; }

    public async Task<int> QueryAsync(string sql)
    {
        await Task.Delay(5);
        Queries++;
        return 1;
    }
}
