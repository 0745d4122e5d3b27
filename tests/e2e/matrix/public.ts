import { adminOnly, everyone, type MatrixRow } from './roles';

// The public neighbourhood pages answer everyone, signed in or not: the page, its poster (a month
// that does not exist means this month) and each centre's feed; a neighbourhood that does not
// exist, and a centre of another neighbourhood, are 404. In the demo, neighbourhood and centre 12
// are دولاب's. The map boundaries are for admins only; every POST here is refused by its checks.
export const publicRows: MatrixRow[] = [
	{ route: '/n/[id]', method: 'GET', path: '/n/12', expect: everyone(200) },
	{ route: '/n/[id]', method: 'GET', path: '/n/99999', expect: everyone(404) },
	{ route: '/n/[id]', method: 'GET', path: '/n/012', expect: everyone(404) },
	{ route: '/n/[id]/poster', method: 'GET', path: '/n/12/poster', expect: everyone(200) },
	{
		route: '/n/[id]/poster',
		method: 'GET',
		path: '/n/12/poster?month=1405-13',
		expect: everyone(200)
	},
	{ route: '/n/[id]/poster', method: 'GET', path: '/n/99999/poster', expect: everyone(404) },
	{
		route: '/n/[id]/centres/[centerId].ics',
		method: 'GET',
		path: '/n/12/centres/12.ics',
		expect: everyone(200)
	},
	{
		route: '/n/[id]/centres/[centerId].ics',
		method: 'GET',
		path: '/n/12/centres/13.ics',
		expect: everyone(404)
	}
];

export const boundariesRows: MatrixRow[] = [
	{ route: '/admin/boundaries', method: 'GET', path: '/admin/boundaries', expect: adminOnly(200) },
	{
		route: '/admin/boundaries',
		method: 'GET',
		path: '/admin/boundaries?district=99999',
		expect: adminOnly(200)
	},
	{
		route: '/admin/boundaries',
		method: 'POST',
		path: '/admin/boundaries?/upload',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/admin/boundaries',
		method: 'POST',
		path: '/admin/boundaries?/upload',
		form: { level: 'area', district_id: '1' },
		expect: adminOnly(400)
	},
	{
		route: '/admin/boundaries',
		method: 'POST',
		path: '/admin/boundaries?/remove',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/admin/boundaries',
		method: 'POST',
		path: '/admin/boundaries?/remove',
		form: { level: 'area', district_id: '99999' },
		expect: adminOnly(404)
	}
];
