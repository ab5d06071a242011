"""Built-in plugin ``argmap.aif``: registers nothing yet (being written)."""
