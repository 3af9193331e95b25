// Each test mostly waits for a child `rag` process (start-up, SQLite fsync), so a few more test classes than cores run
// at once keep the cores busy.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
