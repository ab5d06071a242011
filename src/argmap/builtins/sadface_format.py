"""Built-in plugin ``argmap.sadface``: registers nothing yet (being written)."""
