import { adminOnly, signedIn, type MatrixRow } from './roles';

// The schools routes. In the demo data school 12 is the school paired with دولاب: staff@'s
// school, inside manager@'s scope. School 1 lies in ۱۳ آبان, outside both.
export const schoolsRows: MatrixRow[] = [
	{ route: '/schools', method: 'GET', path: '/schools', expect: signedIn(200) },
	{
		route: '/schools',
		method: 'GET',
		path: '/schools?q=دولاب&level=primary',
		expect: signedIn(200)
	},
	{ route: '/schools/new', method: 'GET', path: '/schools/new', expect: adminOnly(200) },
	{ route: '/schools/new', method: 'POST', path: '/schools/new', form: {}, expect: adminOnly(400) },
	{ route: '/schools/[id]', method: 'GET', path: '/schools/12', expect: signedIn(200) },
	{
		route: '/schools/[id]',
		method: 'GET',
		path: '/schools/1',
		expect: { ...adminOnly(200), liaison: 200 }
	},
	{ route: '/schools/[id]', method: 'GET', path: '/schools/99999', expect: signedIn(404) },
	{ route: '/schools/[id]', method: 'POST', path: '/schools/12', form: {}, expect: adminOnly(400) },
	{
		route: '/schools/[id]',
		method: 'POST',
		path: '/schools/1',
		form: { name: 'x' },
		expect: adminOnly(400)
	},
	{ route: '/schools/import', method: 'GET', path: '/schools/import', expect: adminOnly(200) },
	{
		route: '/schools/import',
		method: 'POST',
		path: '/schools/import?/preview',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/schools/import',
		method: 'POST',
		path: '/schools/import?/commit',
		form: { token: 'not-a-token' },
		expect: adminOnly(400)
	},
	{
		route: '/schools/export.csv',
		method: 'GET',
		path: '/schools/export.csv',
		expect: signedIn(200)
	},
	{
		route: '/schools/export.csv',
		method: 'GET',
		path: '/schools/export.csv?level=primary',
		expect: signedIn(200)
	},
	{
		route: '/schools/export.xlsx',
		method: 'GET',
		path: '/schools/export.xlsx',
		expect: signedIn(200)
	}
];
