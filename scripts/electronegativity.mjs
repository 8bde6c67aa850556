#!/usr/bin/env node
// Runs @doyensec/electronegativity on the app's sources (electron/ and renderer/) and fails on
// any HIGH or MEDIUM finding that security/electronegativity-allow.json does not justify.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, '.tmp', 'electronegativity');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const allow = JSON.parse(readFileSync(join(root, 'security/electronegativity-allow.json'), 'utf8')).allow;

/** Parses electronegativity's CSV (quoted fields, "" escapes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') {
      field += c;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
// Global checks (CSP, navigation limits, permission handler) must see main and the renderer
// together, so both source trees are copied side by side and scanned in one run.
const tree = join(outDir, 'src');
for (const input of ['electron', 'renderer']) {
  cpSync(join(root, input), join(tree, input), { recursive: true });
}
const findings = [];
{
  const csv = join(outDir, 'findings.csv');
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      '-i',
      tree,
      '-e',
      electronVersion,
      '-r',
      '-v',
      'false',
      '-o',
      csv,
    ],
    { cwd: tree, encoding: 'utf8' },
  );
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.stderr.write(`electronegativity failed (exit ${run.status})\n`);
    process.exit(1);
  }
  const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8')).filter((r) => r.length > 1);
  const col = (name) => header.indexOf(name);
  for (const r of rows) {
    findings.push({
      check: r[col('issue')],
      severity: r[col('severity')],
      file: r[col('filename')].replace(/^\.?\//, ''),
      location: r[col('location')],
      sample: r[col('sample')],
    });
  }
}

const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const unjustified = serious.filter((f) => !allow.some((a) => a.check === f.check && a.file === f.file));
for (const f of findings) {
  const justified = allow.find((a) => a.check === f.check && a.file === f.file);
  const mark =
    f.severity === 'LOW' || f.severity === 'INFORMATIONAL' ? 'info' : justified ? 'allowed' : 'FAIL';
  process.stdout.write(`${mark.padEnd(8)} ${f.severity.padEnd(7)} ${f.check} ${f.file}:${f.location}\n`);
}
const unused = allow.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
for (const a of unused)
  process.stdout.write(`note     allow-list entry no longer needed: ${a.check} ${a.file}\n`);
process.stdout.write(
  `electronegativity: ${findings.length} findings, ${serious.length} HIGH/MEDIUM, ${unjustified.length} unjustified\n`,
);
process.exit(unjustified.length === 0 ? 0 : 1);
