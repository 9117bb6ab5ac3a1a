// Prints raw, gzip and brotli sizes of what a browser downloads on first load,
// and apart from it the worker (import and Excel), fetched on first use only.
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = 150 * 1024;
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' };
const rows = readdirSync(dist)
  .filter((f) => kinds[extname(f)])
  .map((f) => {
    const data = readFileSync(join(dist, f));
    return {
      file: f,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  })
  .sort((a, b) => b.raw - a.raw);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
console.log(`${'file'.padEnd(40)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const r of rows) console.log(`${r.file.padEnd(40)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const sum = (rs) => rs.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const lazy = (r) => r.file.startsWith('worker');
const total = sum(rows.filter((r) => !lazy(r)));
const worker = sum(rows.filter(lazy));
console.log(`${'total first load'.padEnd(40)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
console.log(`${'worker, on first use (not in the total)'.padEnd(40)}${kb(worker.raw)}${kb(worker.gzip)}${kb(worker.brotli)}`);
console.log(`budget: ${kb(budget).trim()} brotli, ${total.brotli <= budget ? 'within' : 'OVER'} (${((total.brotli / budget) * 100).toFixed(0)} %)`);
