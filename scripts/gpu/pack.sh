#!/usr/bin/env bash
# Packs a slim CUDA bench build of the CLI for the GPU machine, which has no .NET and no network: self-contained for
# linux-x64, not trimmed (trimming breaks reflection JSON under warnings-as-errors), without LLamaSharp's native
# libraries, the Windows ONNX Runtime binaries or the benchmark peer, with the CUDA provider and the fused fp16 graph
# from ../shared/models. The xz tarball is split into parts under .gpu/ (ignored) that each fit one device call
# beside the working tree (64 MiB in all). Usage: bash scripts/gpu/pack.sh [PARTS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
parts=${1:-7}
app=$(mktemp -d)
dotnet publish src/RagAssistant.Cli/RagAssistant.Cli.csproj -c Release -r linux-x64 --self-contained true -p:PublishTrimmed=false -o "$app" -v q
rm -rf "$app/runtimes" "$app"/onnxruntime*.dll "$app/libonnxruntime_providers_tensorrt.so" "$app/models/builtin/SentenceTransformers.dll"
fp16=../shared/models/all-MiniLM-L6-v2/model.fp16.pooled.onnx
if [ -f "$fp16" ]; then mkdir -p "$app/models/all-MiniLM-L6-v2" && cp "$fp16" "$app/models/all-MiniLM-L6-v2/"; else echo "no $fp16: CUDA will run the fp32 graph" >&2; fi
mkdir -p .git/info && { grep -qx "/.gpu/" .git/info/exclude 2>/dev/null || echo "/.gpu/" >> .git/info/exclude; }
rm -rf .gpu && mkdir .gpu
tar -C "$app" -cf - . | xz -T0 -6 > .gpu/app.tar.xz
split -n "$parts" -d -a 1 .gpu/app.tar.xz .gpu/part && rm .gpu/app.tar.xz
cp scripts/gpu/run-on-device.sh .gpu/run.sh
rm -rf "$app"
ls -la .gpu
