namespace Qdc.Cli;

/// <summary>The process exit codes, as DESIGN.md fixes them. Scripts depend on these numbers.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InputError = 1;
    public const int Usage = 2;
    public const int Inequivalent = 3;
    public const int Infeasible = 4;
    public const int InternalError = 70;
}
