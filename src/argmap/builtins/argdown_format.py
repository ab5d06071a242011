"""Built-in plugin ``argmap.argdown``: registers nothing yet (being written)."""
