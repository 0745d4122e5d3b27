import { adminOnly, signedIn, type MatrixRow, type Outcome, type Role } from './roles';

// The directory and school-year routes. Demo ids: area 1 is «ناحیه ۱», neighbourhood 12 is
// دولاب and centre 12 its centre; 99999 exists nowhere. POSTs send incomplete forms (400) or
// forms for a record that does not exist (404), so no row changes the demo data.

const notFoundForAll: Record<Role, Outcome> = { ...adminOnly(404), anonymous: 'login' };
const validArea = { number: '1', name_fa: 'ناحیه ۱', name_en: 'Area 1', version: '1' };
const validNeighborhood = { name_fa: 'دولاب', name_en: 'Dulab', area_id: '1', version: '1' };

export const directoryRows: MatrixRow[] = [
	{
		route: '/directory',
		method: 'GET',
		path: '/directory?q=%D8%AF%D9%88%D9%84%D8%A7%D8%A8&area=1&page=2',
		expect: signedIn(200)
	},
	{
		route: '/directory/areas/new',
		method: 'GET',
		path: '/directory/areas/new',
		expect: adminOnly(200)
	},
	{
		route: '/directory/areas/new',
		method: 'POST',
		path: '/directory/areas/new',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/directory/areas/[id]',
		method: 'GET',
		path: '/directory/areas/1',
		expect: adminOnly(200)
	},
	{
		route: '/directory/areas/[id]',
		method: 'GET',
		path: '/directory/areas/99999',
		expect: notFoundForAll
	},
	{
		route: '/directory/areas/[id]',
		method: 'GET',
		path: '/directory/areas/x',
		expect: notFoundForAll
	},
	{
		route: '/directory/areas/[id]',
		method: 'POST',
		path: '/directory/areas/1',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/directory/areas/[id]',
		method: 'POST',
		path: '/directory/areas/99999',
		form: validArea,
		expect: notFoundForAll
	},
	{
		route: '/directory/neighborhoods/new',
		method: 'GET',
		path: '/directory/neighborhoods/new',
		expect: adminOnly(200)
	},
	{
		route: '/directory/neighborhoods/new',
		method: 'POST',
		path: '/directory/neighborhoods/new',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/directory/neighborhoods/[id]',
		method: 'GET',
		path: '/directory/neighborhoods/12',
		expect: adminOnly(200)
	},
	{
		route: '/directory/neighborhoods/[id]',
		method: 'GET',
		path: '/directory/neighborhoods/99999',
		expect: notFoundForAll
	},
	{
		route: '/directory/neighborhoods/[id]',
		method: 'POST',
		path: '/directory/neighborhoods/12',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/directory/neighborhoods/[id]',
		method: 'POST',
		path: '/directory/neighborhoods/99999',
		form: validNeighborhood,
		expect: notFoundForAll
	},
	{
		route: '/directory/centers/[id]',
		method: 'GET',
		path: '/directory/centers/12',
		expect: adminOnly(200)
	},
	{
		route: '/directory/centers/[id]',
		method: 'GET',
		path: '/directory/centers/99999',
		expect: notFoundForAll
	},
	{
		route: '/directory/centers/[id]',
		method: 'POST',
		path: '/directory/centers/12',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/directory/centers/[id]',
		method: 'POST',
		path: '/directory/centers/99999',
		form: { name: 'سرا', version: '1' },
		expect: notFoundForAll
	},
	{ route: '/school-years', method: 'GET', path: '/school-years', expect: signedIn(200) },
	{
		route: '/school-years',
		method: 'POST',
		path: '/school-years?/create',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/school-years',
		method: 'POST',
		path: '/school-years?/makeCurrent',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/school-years',
		method: 'POST',
		path: '/school-years?/makeCurrent',
		form: { id: '99999', version: '1' },
		expect: notFoundForAll
	}
];
