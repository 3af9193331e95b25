#!/bin/bash
# Runs on the GPU machine from the repository root, after each part of scripts/gpu/pack.sh was copied to /root/g by
# one device call: unpacks the build, runs the CUDA embedding bench (end to end against the graph alone) and ingests
# corpus/docs on CUDA into $OUT/kb-cuda.db, whose vectors can be compared with a CPU-made knowledge base here.
set -x
mkdir -p /root/app && cat /root/g/part* | xz -d -T16 | tar -x -C /root/app || exit 1
APP=/root/app
NV=/opt/torch/.venv/lib/python3.12/site-packages/nvidia
export LD_LIBRARY_PATH=$APP:$NV/cu13/lib:$NV/cudnn/lib
nvidia-smi -L > $OUT/gpu.txt 2>&1
R=$APP/rag
timeout 200 $R bench embed --device cuda --texts 4096 --json > $OUT/bench-cuda.json 2> $OUT/bench-cuda.err
echo "bench rc=$?"
Rag__Embeddings__Device=cuda timeout 120 $R ingest corpus/docs --db $OUT/kb-cuda.db > $OUT/ingest-cuda.txt 2>&1
echo "ingest rc=$?"
timeout 150 $R bench embed --device cuda --texts 64 --json > $OUT/bench-cuda-64.json 2>> $OUT/bench-cuda.err
echo "bench64 rc=$?"
ls -la $OUT
head -c 3000 $OUT/bench-cuda.err
