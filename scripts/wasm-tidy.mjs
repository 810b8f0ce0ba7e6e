// Two edits to wasm-bindgen's output before wasm-opt (run by finish-dist.mjs):
//  - shortenImports: short names for the wasm's imports, in the wasm and its JS glue together;
//  - exportFunctionTable: the function table exported again, for a split build's chunks.
//
// wasm-bindgen names every import after the function and a hash of it
// (`__wbg_addEventListener_3acb0aad4483804c`), and writes each name twice: in the wasm's import
// section and as a key of the glue's import object. Hashes do not compress (what that costs a
// visitor: docs/build.md). Here they become `_0`, `_1`, ….
//
// Renaming changes only the import section; nothing in the code refers to an import by name.
// Each long name must occur exactly once in the glue, as an object key (`name:`); anything else
// fails the build rather than guessing.

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Uint8Array.from(out);
}

const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const name = (text) => {
  const bytes = encoder.encode(text);
  return concat([leb(bytes.length), bytes]);
};

/** Skips a table's or memory's limits (flags, minimum, maximum if flagged); returns their end. */
function skipLimits(bytes, at) {
  const [flags, next] = readLeb(bytes, at);
  at = readLeb(bytes, next)[1];
  return flags & 1 ? readLeb(bytes, at)[1] : at;
}

/** Skips an import's description (function, table, memory, global or tag); returns its end. */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0: // function: type index
      return readLeb(bytes, at)[1];
    case 1: // table: element type, limits
      return skipLimits(bytes, at + 1);
    case 2: // memory: limits
      return skipLimits(bytes, at);
    case 3: // global: value type, mutability
      return at + 2;
    case 4: // tag: attribute, type index
      return readLeb(bytes, at + 1)[1];
    default:
      throw new Error(`import of unknown kind ${kind}`);
  }
}

/** Each section of the module in order: its id and where it starts and ends (header included). */
function* sections(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const [length, body] = readLeb(wasm, at + 1);
    yield { id: wasm[at], at, body, end: body + length };
    at = body + length;
  }
}

/** Calls `edit(body)` on the section with this id; returns the module with its answer instead. */
function replaceSection(wasm, id, edit) {
  const parts = [wasm.subarray(0, 8)];
  let found = false;
  for (const section of sections(wasm)) {
    if (section.id === id) {
      const body = edit(wasm.subarray(section.body, section.end));
      parts.push(Uint8Array.of(id), leb(body.length), body);
      found = true;
    } else {
      parts.push(wasm.subarray(section.at, section.end));
    }
  }
  if (!found) throw new Error(`the module has no section ${id}`);
  return concat(parts);
}

/**
 * Renames the imports of `wasm` (bytes) that come from the glue module `glueModule`, and the
 * matching keys in `glue` (its JS). Returns `{ wasm, glue, renamed }`.
 */
export function shortenImports(wasm, glue, glueModule) {
  let renamed = 0;
  const out = replaceSection(wasm, 2, (body) => {
    const [count, first] = readLeb(body, 0);
    const entries = [leb(count)];
    let cursor = first;
    for (let i = 0; i < count; i++) {
      const [moduleLength, moduleStart] = readLeb(body, cursor);
      const module = decoder.decode(body.subarray(moduleStart, moduleStart + moduleLength));
      const [fieldLength, fieldStart] = readLeb(body, moduleStart + moduleLength);
      const field = decoder.decode(body.subarray(fieldStart, fieldStart + fieldLength));
      const descriptionStart = fieldStart + fieldLength;
      cursor = skipDescription(body, descriptionStart);
      let newField = field;
      if (module === glueModule) {
        newField = `_${renamed.toString(36)}`;
        const key = `${field}:`;
        const uses = glue.split(key).length - 1;
        if (uses !== 1 || glue.includes(`${newField}:`)) {
          throw new Error(`import ${field}: expected one "${key}" in the glue and no "${newField}:", found ${uses}`);
        }
        glue = glue.replace(key, `${newField}:`);
        renamed++;
      }
      entries.push(name(module), name(newField), body.subarray(descriptionStart, cursor));
    }
    if (cursor !== body.length) throw new Error("the import section did not end where its length said");
    return concat(entries);
  });
  return { wasm: out, glue, renamed };
}

/** The body of the section with this id, or undefined. */
function findSection(wasm, id) {
  for (const section of sections(wasm)) {
    if (section.id === id) return wasm.subarray(section.body, section.end);
  }
  return undefined;
}

/**
 * Exports the module's one function table as `exportName`. The linker exports it, wasm-bindgen
 * drops that export, and split chunks (split-chunks.mjs) reach the main module through it. An
 * exported table also keeps wasm-opt from moving or removing its entries, which the chunks
 * address by index.
 */
export function exportFunctionTable(wasm, exportName) {
  // An imported table would come first in the index space; the panel's module has none.
  if (WebAssembly.Module.imports(new WebAssembly.Module(wasm)).some((i) => i.kind === "table")) {
    throw new Error("the module imports a table; expected it to define its function table");
  }
  const tables = findSection(wasm, 4);
  if (!tables) throw new Error("the module has no table section");
  const [count, first] = readLeb(tables, 0);
  const funcrefTables = [];
  let cursor = first;
  for (let i = 0; i < count; i++) {
    if (tables[cursor] === 0x70) funcrefTables.push(i);
    cursor = skipLimits(tables, cursor + 1);
  }
  if (funcrefTables.length !== 1) throw new Error(`expected one function table, found ${funcrefTables.length}`);
  return replaceSection(wasm, 7, (body) => {
    const [exportCount, firstExport] = readLeb(body, 0);
    return concat([leb(exportCount + 1), body.subarray(firstExport), name(exportName), Uint8Array.of(1), leb(funcrefTables[0])]);
  });
}
