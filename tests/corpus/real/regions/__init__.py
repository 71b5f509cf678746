"""One module per region: real posts' headers (see ../cases_src.py for bb() / neg() and the rules)."""
