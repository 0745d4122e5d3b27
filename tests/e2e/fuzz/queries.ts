import fc from 'fast-check';
import { matrix, type Role } from '../authorization-matrix';
import { filterFields, text } from './forms';
import { noticeParams, routes } from './query-routes';

// What the GET fuzzer asks for: the list pages, the detail pages, the downloads, the read-only API
// and the calendar feed, each with a random query string made of the parameters it really takes
// (those in the authorization matrix, on the page's filters and in its own links, and the notice a
// form comes back to), their values mixed with hostile text, odd numbers and the names of
// JavaScript's built-in properties, unknown parameters, and broken percent-encoding.

export type Kind = 'page' | 'csv' | 'xlsx' | 'json' | 'ics';

export interface QueryTarget {
	route: string;
	kind: Kind;
	/** Who asks: signed in (pages, downloads), with their API token, or with their feed's address. */
	roles: Role[];
	/** What each role asks for: the route, or a record of it the role may read (`/sessions/1`). */
	paths: Map<Role, string>;
	/** Parameter names and the values the app itself uses for them. */
	params: Map<string, Set<string>>;
}

export interface QueryRequest {
	role: Role;
	english: boolean;
	query: string;
	/** Sent instead of the role's API token or feed token. */
	forged: string | null;
}

const kindOf = (route: string): Kind =>
	route.startsWith('/api/')
		? 'json'
		: ((/\.(csv|xlsx|ics)$/.exec(route)?.[1] as Kind | undefined) ?? 'page');

const apiRoles: Role[] = ['admin', 'liaison'];
const signedInRoles: Role[] = ['admin', 'center_manager', 'school_staff', 'liaison'];

function addParams(params: Map<string, Set<string>>, query: Iterable<[string, string]>): void {
	for (const [name, value] of query) params.set(name, (params.get(name) ?? new Set()).add(value));
}

/** Every fuzzed route, with the roles that may read it and the parameters the matrix sends. */
export function queryTargets(): QueryTarget[] {
	return routes.map((route) => {
		const kind = kindOf(route);
		const rows = matrix.filter((row) => row.method === 'GET' && row.route === route);
		const params = new Map<string, Set<string>>();
		for (const row of rows) addParams(params, new URL(row.path, 'http://x').searchParams);
		addParams(
			params,
			Object.entries(noticeParams[route] ?? {}).flatMap(([name, values]) =>
				values.map((value): [string, string] => [name, value])
			)
		);
		// A page is asked at the first record of the route the role reads (a list at its route).
		const paths = new Map<Role, string>();
		for (const role of kind === 'json' ? apiRoles : signedInRoles) {
			const read =
				kind === 'json' || kind === 'ics'
					? route
					: rows
							.find((row) => row.expect[role] === 200 && !row.path.startsWith('/en/'))
							?.path.split('?')[0];
			if (read) paths.set(role, read);
		}
		return { route, kind, roles: [...paths.keys()], paths, params };
	});
}

/** Adds the parameters of the page's filter forms and of its links back to itself. */
export function addPageParams(target: QueryTarget, html: string): void {
	for (const field of filterFields(html))
		for (const value of field.options.length ? field.options : [''])
			addParams(target.params, [[field.name, value]]);
	const links = html.matchAll(/href="([^"]*\?[^"]*)"/g);
	for (const [, href] of links) {
		const url = new URL(href!.replaceAll('&amp;', '&'), 'http://x');
		if (url.pathname.replace(/^\/en\//, '/') === target.paths.get(target.roles[0]!))
			addParams(target.params, url.searchParams);
	}
}

export const oddPieces = fc.constantFrom(
	'%',
	'%zz',
	'%E0%A4%A',
	'%00',
	'%FF%FE',
	'+',
	'&&',
	'==x',
	'%26%3D',
	'a[b]=1',
	';',
	'?'
);
// Numbers and dates at the edges: too large for a double or a Date, Latin and Persian, no such day.
const oddNumbers = fc.constantFrom(
	'1e309',
	'9007199254740993',
	'0x1F',
	'-0',
	'Infinity',
	'1.0',
	'١٤٠٥',
	' 1',
	'1,2',
	'-99999999999',
	'2026-02-30',
	'1404-12-30',
	'1405-13',
	'0000-00-00',
	'0001-01-01',
	'9999-12-31',
	'275760-09-14',
	'-000001-01-01',
	'99999999999-01'
);

// Keys every JavaScript object answers to: a value looked up in a table of notices or labels by
// such a name finds a function of Object.prototype, not one of the table's entries.
const builtInNames = fc.constantFrom(
	'__proto__',
	'constructor',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'prototype'
);

// Cut to a length an address can have: Node refuses headers over 16 KB with a bare 431, before
// the app sees the request.
export const shortText = text.map((value) => value.slice(0, 400));

export function encode(piece: string, raw: boolean): string {
	if (raw) return piece;
	try {
		return encodeURIComponent(piece);
	} catch {
		return piece; // a lone surrogate: sent as it is
	}
}

function queryArbitrary(params: Map<string, Set<string>>): fc.Arbitrary<string> {
	const names = [...params.keys()];
	const values = [...new Set([...params.values()].flatMap((set) => [...set]))];
	const name = fc.oneof(
		{ weight: names.length ? 4 : 0, arbitrary: fc.constantFrom(...(names.length ? names : ['x'])) },
		{ weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
		{ weight: 1, arbitrary: builtInNames }
	);
	const value = fc.oneof(
		{
			weight: values.length ? 3 : 0,
			arbitrary: fc.constantFrom(...(values.length ? values : ['']))
		},
		{ weight: 2, arbitrary: shortText },
		{ weight: 1, arbitrary: oddNumbers },
		{ weight: 1, arbitrary: builtInNames }
	);
	const pair = fc
		.tuple(name, value, fc.nat(5))
		.map(([n, v, raw]) => `${encode(n, raw === 0)}=${encode(v, raw === 0)}`);
	const piece = fc.oneof({ weight: 6, arbitrary: pair }, { weight: 1, arbitrary: oddPieces });
	return fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join('&'));
}

/** One request to the target: who asks, in which language, with which query. */
export function queryRequestArbitrary(target: QueryTarget): fc.Arbitrary<QueryRequest> {
	const credentialed = target.kind === 'json' || target.kind === 'ics';
	return fc.record({
		role: fc.constantFrom(...target.roles),
		english: target.kind === 'json' ? fc.constant(false) : fc.boolean(),
		query: queryArbitrary(target.params),
		forged: credentialed
			? fc.oneof(
					{ weight: 4, arbitrary: fc.constant(null) },
					{
						weight: 1,
						arbitrary: fc.oneof(shortText, fc.stringMatching(/^[0-9A-Za-z_-]{20,64}$/))
					}
				)
			: fc.constant(null)
	});
}
