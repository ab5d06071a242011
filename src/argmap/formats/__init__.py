"""File formats: each module reads and/or writes argument maps in one format.

- :mod:`argmap.formats.json`: argmap's own lossless JSON (``argmap/1``), both ways;
- :mod:`argmap.formats.microtext`: the arg-microtexts XML (``<arggraph>``), import;
- :mod:`argmap.formats.outline`: an indented Markdown outline for reading, export.

The modules know nothing of plugins: :mod:`argmap.builtins` registers them.
"""
