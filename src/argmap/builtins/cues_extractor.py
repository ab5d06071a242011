"""Built-in plugin ``argmap.cues``: the default extractor for English argumentative prose."""
