// Each `rag` child process loads the ONNX model and embeds its chunks, which keeps a core busy: more test classes than
// cores at once only slow every run down (and trip the hang guard on a loaded machine).
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
