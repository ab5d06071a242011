"""The map beside its text: one self-contained, interactive HTML page.

:func:`to_html` writes a page that works offline, opened from disk: the
diagram (the same Graphviz picture as ``argmap render``, inline SVG) beside
the document's text, every statement's spans highlighted in its kind's
colour. Selecting a statement (a box, a passage, a search result) shows its
reasons and objections; filters by kind, search, zoom and pan, keyboard
navigation and a print stylesheet come with it. Maps without a document show
the diagram beside the list of statements.

The page is made of :mod:`~argmap.diagram.html.page` (the markup, the data,
the Content-Security-Policy) and two package data files, ``view.css`` and
``view.js``. Text is data, never markup: the map travels as JSON in a
``<script type="application/json">`` block and the script builds the page
with ``textContent``; the policy lets only the page's own script and style
run, and nothing load from anywhere.
"""

from __future__ import annotations

from .page import PAGE_OPTIONS, page_data, to_html

__all__ = ["PAGE_OPTIONS", "page_data", "to_html"]
