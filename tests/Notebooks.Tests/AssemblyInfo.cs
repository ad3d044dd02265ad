// The runner serialises notebook runs anyway (console, working directory and formatter registry are
// process-wide); running the tests one at a time also lets them check that global state is restored.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
