"""The nightly orchestrator: every active region, its steps in order, concurrency, the run report."""
