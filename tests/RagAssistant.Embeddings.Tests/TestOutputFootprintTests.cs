namespace RagAssistant.Embeddings.Tests;

/// <summary>
/// Eleven test projects each copy ONNX Runtime into their output; CI's disk has room for the Linux CPU runtime only.
/// Directory.Build.targets leaves out the Windows DLLs (which the GPU package adds to every output) and, in test
/// outputs, the CUDA and TensorRT providers — together 4.7 GB of a 7 GB clean build, enough to fill CI's disk.
/// </summary>
public class TestOutputFootprintTests
{
    [Theory]
    [InlineData("onnxruntime.dll")]
    [InlineData("onnxruntime_providers_cuda.dll")]
    [InlineData("libonnxruntime_providers_cuda.so")]
    [InlineData("libonnxruntime_providers_tensorrt.so")]
    public void TestOutput_LeavesOutBinariesNoTestLoads(string file) =>
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, file)), $"{file} is in the test output");

    [Fact]
    public void TestOutput_KeepsTheLinuxCpuRuntime() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "libonnxruntime.so")));
}
