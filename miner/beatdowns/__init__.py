"""Parsed backblasts -> `beatdowns` and `bd_attendance`; feedback DMs to posters whose backblast could not be recorded."""
