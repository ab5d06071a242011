"""Scoring extractors against annotated corpora (being split out of argmap.evaluate)."""
