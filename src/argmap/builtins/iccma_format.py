"""Built-in plugin ``argmap.iccma``: registers nothing yet (being written)."""
