// Parse Mermaid source with the real mermaid parser (under jsdom) and print, as JSON, each node's
// label as a browser shows it, the edges and the title. Used by the optional test in
// test_argmap_mermaid.py: ARGMAP_MERMAID_NODE_MODULES names a node_modules folder holding the npm
// packages mermaid and jsdom (npm install mermaid jsdom). Usage: node mermaid_labels.mjs FILE.mmd
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const modules = process.env.ARGMAP_MERMAID_NODE_MODULES;
const require = createRequire(path.join(modules, 'resolve.js'));
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ['Element', 'HTMLElement', 'Node', 'DOMParser', 'MutationObserver']) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}
const manifest = JSON.parse(fs.readFileSync(path.join(modules, 'mermaid', 'package.json'), 'utf8'));
const { default: mermaid } = await import(pathToFileURL(path.join(modules, 'mermaid', manifest.module)).href);
mermaid.initialize({ startOnLoad: false });

// What the browser shows: Mermaid's entity placeholders back to HTML entities, then the HTML as text.
function shown(text) {
  const html = text.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  const div = document.createElement('div');
  div.innerHTML = html.replace(/<br\s*\/?>/gi, '\n');
  return div.textContent;
}

const source = fs.readFileSync(process.argv[2], 'utf8');
try {
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const db = diagram.db;
  const nodes = {};
  for (const [id, vertex] of db.getVertices()) nodes[id] = { text: shown(vertex.text ?? ''), classes: vertex.classes, type: vertex.type };
  const edges = db.getEdges().map((e) => [e.start, e.end, e.type, e.stroke]);
  const title = db.getDiagramTitle ? db.getDiagramTitle() : null;
  console.log(JSON.stringify({ nodes, edges, title }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error.message ?? error) }));
  process.exit(1);
}
