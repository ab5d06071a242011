"""Built-in plugin ``argmap.html``: registers nothing yet (being written)."""
