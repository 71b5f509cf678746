"""Scores: pure computation on frames (compute) and reading/saving a region's scores (run)."""
