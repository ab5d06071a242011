"""Built-in plugin ``argmap.microtext``: the arg-microtexts XML format (importer)."""
