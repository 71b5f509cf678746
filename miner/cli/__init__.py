"""The `paxminer` command line: a thin click layer, one module per group of commands."""
