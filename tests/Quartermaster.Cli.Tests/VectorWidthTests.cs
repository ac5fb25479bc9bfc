namespace Quartermaster.Cli.Tests;

/// <summary>
/// The stress engine takes eight months per Vector512 where the hardware has AVX-512, two Vector256 halves where it
/// has only AVX2, and .NET's software fallback where it has neither, and its normals and exp use only operations that
/// round the same way in all three: so a book and seed give the same bits on any machine. Each case switches one
/// instruction set off in the runtime (DOTNET_Enable...) and compares every byte of the JSON with the default run.
/// </summary>
public sealed class VectorWidthTests
{
    [Theory]
    [InlineData("DOTNET_EnableAVX512F")]
    [InlineData("DOTNET_EnableAVX2")]
    [InlineData("DOTNET_EnableHWIntrinsic")]
    public void Stress_gives_the_same_bits_with_an_instruction_set_switched_off(string setting)
    {
        string[] args = ["stress", "examples/neutral-cloud-2026.yaml", "--paths", "1000", "--seed", "5", "--json"];
        var full = Qm.Run(args);
        var reduced = Qm.RunWith([(setting, "0")], args);

        Assert.True(full.ExitCode == 0, full.Stderr);
        Assert.True(reduced.ExitCode == 0, reduced.Stderr);
        Assert.Contains("\"paths\"", full.Stdout, StringComparison.Ordinal);
        Assert.Equal(full.Stdout, reduced.Stdout);
    }
}
