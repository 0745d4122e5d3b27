import fc from 'fast-check';
import { matrix, type Role } from '../authorization-matrix';
import { filterFields, text } from './forms';

// What the GET fuzzer asks for: the list pages, the downloads, the read-only API and the calendar
// feed, each with a random query string made of the parameters it really takes (those in the
// authorization matrix, on the page's filters and in its own links), their values mixed with
// hostile text and odd numbers, unknown parameters, and broken percent-encoding.

export type Kind = 'page' | 'csv' | 'xlsx' | 'json' | 'ics';

const routes = [
	'/sessions',
	'/sessions/new',
	'/campaigns',
	'/campaigns/new',
	'/coverage',
	'/calendar',
	'/attendance/week',
	'/schools',
	'/directory',
	'/pairings',
	'/school-years',
	'/facilitators',
	'/topics',
	'/inbox',
	'/admin/users',
	'/admin/audit',
	'/admin/closures',
	'/coverage/export.csv',
	'/coverage/export.xlsx',
	'/schools/export.csv',
	'/schools/export.xlsx',
	'/api/v1/coverage',
	'/api/v1/sessions',
	'/calendar/feed/[token].ics'
];

export interface QueryTarget {
	route: string;
	kind: Kind;
	/** Who asks: signed in (pages, downloads), with their API token, or with their feed's address. */
	roles: Role[];
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
		const readers = signedInRoles.filter((role) => rows.some((row) => row.expect[role] === 200));
		const roles = kind === 'json' ? apiRoles : kind === 'ics' ? signedInRoles : readers;
		return { route, kind, roles, params };
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
		if (url.pathname.replace(/^\/en\//, '/') === target.route)
			addParams(target.params, url.searchParams);
	}
}

const oddPieces = fc.constantFrom(
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

// Cut to a length an address can have: Node refuses headers over 16 KB with a bare 431, before
// the app sees the request.
const shortText = text.map((value) => value.slice(0, 400));

function encode(piece: string, raw: boolean): string {
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
		{ weight: 1, arbitrary: fc.string({ maxLength: 8 }) }
	);
	const value = fc.oneof(
		{
			weight: values.length ? 3 : 0,
			arbitrary: fc.constantFrom(...(values.length ? values : ['']))
		},
		{ weight: 2, arbitrary: shortText },
		{ weight: 1, arbitrary: oddNumbers }
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
