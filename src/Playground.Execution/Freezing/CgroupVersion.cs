namespace Playground.Execution.Freezing;

public enum CgroupVersion
{
    None = 0,
    V1 = 1,
    V2 = 2,
}
