// Parse many Argdown files in one Node process with the real Argdown (@argdown/node 1.7.5).
//
//   NODE_PATH=<node_modules holding @argdown/node> node argdown_parse_many.js FILE...
//   (no FILE: paths are read from standard input, one a line, each answered as soon as it is read,
//   so that a test can keep one process and ask it file by file)
//
// For each file, one line of JSON on standard output, in the order given:
//   {"path": FILE, "errors": [{"line": L, "column": C, "message": M}, ...],
//    "exception": null or the first line of an exception (a YAML error in inline data, say),
//    "json": the object `argdown json` writes for the file, or null when it has errors}
//
// The steps are those of `argdown json` (load-file, parse-input, build-model, colorize, export-json), so
// "json" is what the CLI writes; a file has "errors" where the CLI would exit 1. One CLI call costs about
// a second or three here, this costs a few milliseconds a file. Written for argmap's tests.
"use strict";

const { argdown } = require("@argdown/node");

const STEPS = ["load-file", "parse-input", "build-model", "colorize", "export-json"];

function position(error) {
  // Where the CLI's log-parser-errors step says the error is: at the token, or after the last one at EOF.
  let token = error.token;
  if (token && token.tokenType && token.tokenType.name === "EOF" && error.previousToken) {
    token = error.previousToken;
  }
  return token ? { line: token.startLine, column: token.startColumn } : { line: null, column: null };
}

function firstLine(text) {
  return String(text || "").split("\n")[0];
}

async function parseOne(path) {
  const result = { path, errors: [], exception: null, json: null };
  // Our own response object: after an exception (build-model on a file that did not parse, say) it
  // still holds the parser's errors, which say more than the exception.
  const response = {};
  try {
    await argdown.runAsync({
      inputPath: path,
      process: STEPS,
      throwExceptions: true,
      logLevel: "none",
      logExceptions: false,
    }, response);
  } catch (e) {
    result.exception = firstLine((e && (e.message || e)) || "unknown exception");
  }
  for (const error of response.lexerErrors || []) {
    result.errors.push({ line: error.line || null, column: error.column || null, message: firstLine(error.message) });
  }
  for (const error of response.parserErrors || []) {
    result.errors.push({ ...position(error), message: firstLine(error.message) });
  }
  if (result.errors.length > 0) {
    result.exception = null;
  } else if (result.exception === null && response.json) {
    result.json = JSON.parse(response.json);
  }
  return result;
}

async function main() {
  const paths = process.argv.slice(2);
  if (paths.length > 0) {
    for (const path of paths) {
      process.stdout.write(JSON.stringify(await parseOne(path)) + "\n");
    }
    return;
  }
  const lines = require("readline").createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    if (line.length > 0) {
      process.stdout.write(JSON.stringify(await parseOne(line)) + "\n");
    }
  }
}

main().catch((e) => {
  process.stderr.write(`argdown_parse_many: ${firstLine(e && (e.stack || e))}\n`);
  process.exit(2);
});
