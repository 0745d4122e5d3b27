// npm run synthetic -- --scale district|city|national --out <file>: a deterministic synthetic
// database for benchmarks and trials (see docs/benchmarks.md). The file must not exist yet.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generate, sizes, type Scale } from './synthetic/generate.ts';

const { values } = parseArgs({
	options: { scale: { type: 'string', default: 'district' }, out: { type: 'string' } }
});
const scale = values.scale as Scale;
if (!(scale in sizes) || !values.out) {
	console.error('Usage: npm run synthetic -- --scale district|city|national --out <file>');
	process.exit(2);
}
if (existsSync(values.out)) {
	console.error(`${values.out} exists; choose a new file.`);
	process.exit(2);
}
const started = Date.now();
const counts = await generate(values.out, scale, (line) =>
	console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`)
);
for (const [table, rows] of Object.entries(counts)) console.log(`${table.padEnd(34)} ${rows}`);
console.log(`Built ${values.out} (${scale}) in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(
	'Sign in as admin@demo.test, manager@demo.test, ... or national@demo.test (password demo-pass-1405).'
);
