// npm run size [-- --budget 100]: after `vite build`, the gzip size of the JavaScript a browser
// loads on its first visit of each page, against the budget of the scale issue (100 KB per route).
// SvelteKit's page preloads its start-up entries and, for the layouts and the page of the route,
// each node's module with everything it imports statically; on start it also imports the root
// error page (node 1), so that a lost connection later can still show an error. Other pages'
// nodes come only when needed. So per route: the static-import closure, read from Vite's client
// manifest, of the two entries, the root error page and the route's layout and page nodes.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { budget: { type: 'string', default: '100' } } });
const budgetKb = Number(values.budget);
const output = '.svelte-kit/output';

interface Chunk {
	file: string;
	imports?: string[];
}
const manifest: Record<string, Chunk> = JSON.parse(
	readFileSync(`${output}/client/.vite/manifest.json`, 'utf8')
);
// The server's manifest is plain data here: its nodes are loaded lazily, so nothing of the app runs.
const { manifest: server } = await import(pathToFileURL(`${output}/server/manifest-full.js`).href);
interface Route {
	id: string;
	page: { layouts: (number | undefined)[]; leaf: number } | null;
}
const routes = (server._.routes as Route[]).filter((route) => route.page);

const entries = [
	'node_modules/@sveltejs/kit/src/runtime/client/entry.js',
	'.svelte-kit/generated/client-optimized/app.js'
];
const nodeKey = (index: number) => `.svelte-kit/generated/client-optimized/nodes/${index}.js`;

/** The output files of these manifest keys and of everything they import statically. */
function filesLoaded(keys: string[]): Set<string> {
	const seen = new Set<string>();
	const files = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key)) return;
		const chunk = manifest[key];
		if (!chunk) throw new Error(`${key} is not in the client manifest: is the build current?`);
		seen.add(key);
		files.add(chunk.file);
		chunk.imports?.forEach(visit);
	};
	keys.forEach(visit);
	return files;
}

// Level 9, as adapter-node's precompressed .gz files that the server sends.
const gzipCache = new Map<string, number>();
const gzipSize = (file: string) =>
	gzipCache.get(file) ??
	gzipCache
		.set(file, gzipSync(readFileSync(`${output}/client/${file}`), { level: 9 }).length)
		.get(file)!;

const rows = routes.map((route) => {
	const nodes = [1, ...route.page!.layouts, route.page!.leaf].filter((n) => n !== undefined);
	const files = filesLoaded([...entries, ...nodes.map(nodeKey)]);
	const bytes = [...files].reduce((sum, file) => sum + gzipSize(file), 0);
	return { route: route.id, files: files.size, kb: bytes / 1024 };
});
rows.sort((a, b) => b.kb - a.kb);

const width = Math.max(...rows.map((row) => row.route.length));
console.log(`${'route'.padEnd(width)}  files  KB gzip`);
for (const row of rows) {
	const over = row.kb > budgetKb ? '  over budget' : '';
	console.log(
		`${row.route.padEnd(width)}  ${String(row.files).padStart(5)}  ${row.kb.toFixed(1).padStart(7)}${over}`
	);
}
const over = rows.filter((row) => row.kb > budgetKb);
console.log(
	over.length
		? `${over.length} of ${rows.length} routes ship more than ${budgetKb} KB of JavaScript (gzip).`
		: `Every route (${rows.length}) ships at most ${budgetKb} KB of JavaScript (gzip); the largest ${rows[0]!.kb.toFixed(1)} KB.`
);
process.exit(over.length ? 1 : 0);
