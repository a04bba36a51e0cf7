using System.Runtime.Versioning;
using Playground.Web;

[assembly: SupportedOSPlatform("linux")]

var builder = WebApplication.CreateBuilder(args);
builder.AddPlaygroundConfiguration();
builder.Services.AddPlaygroundServices();

var app = builder.Build();
app.MapPlayground();
app.Run();

/// <summary>The web app's entry point, public so that tests can host it.</summary>
public partial class Program;
