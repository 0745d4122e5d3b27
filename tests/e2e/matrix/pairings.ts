import { adminOnly, signedIn, type MatrixRow, type Outcome, type Role } from './roles';

// The pairing routes. Demo ids: neighbourhood 12 is دولاب (in every demo account's scope),
// neighbourhood 1 is «۱۳ آبان» (not in manager@'s or staff@'s); 99999 exists nowhere. POSTs
// send incomplete forms (400) or name a neighbourhood that does not exist (404), so no row
// changes the demo data.

const notFoundForSignedIn = signedIn(404);
const districtOnly: Record<Role, Outcome> = {
	...signedIn(200),
	center_manager: 404,
	school_staff: 404
};
const notFoundForAll: Record<Role, Outcome> = { ...adminOnly(404), anonymous: 'login' };

export const pairingsRows: MatrixRow[] = [
	{ route: '/pairings', method: 'GET', path: '/pairings', expect: signedIn(200) },
	{
		route: '/pairings',
		method: 'GET',
		path: '/pairings?year=1&area=3&unpaired=1&q=%D8%AF%D9%88%D9%84%D8%A7%D8%A8',
		expect: signedIn(200)
	},
	{ route: '/pairings', method: 'GET', path: '/pairings?year=99999', expect: signedIn(200) },
	{ route: '/pairings', method: 'POST', path: '/pairings?/copy', form: {}, expect: adminOnly(400) },
	{
		route: '/pairings/[neighborhoodId]',
		method: 'GET',
		path: '/pairings/12',
		expect: signedIn(200)
	},
	{
		route: '/pairings/[neighborhoodId]',
		method: 'GET',
		path: '/pairings/12?year=1',
		expect: signedIn(200)
	},
	{ route: '/pairings/[neighborhoodId]', method: 'GET', path: '/pairings/1', expect: districtOnly },
	{
		route: '/pairings/[neighborhoodId]',
		method: 'GET',
		path: '/pairings/99999',
		expect: notFoundForSignedIn
	},
	{
		route: '/pairings/[neighborhoodId]',
		method: 'GET',
		path: '/pairings/x',
		expect: notFoundForSignedIn
	},
	{
		route: '/pairings/[neighborhoodId]',
		method: 'POST',
		path: '/pairings/12?/pair',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/pairings/[neighborhoodId]',
		method: 'POST',
		path: '/pairings/12?/change',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/pairings/[neighborhoodId]',
		method: 'POST',
		path: '/pairings/12?/unpair',
		form: {},
		expect: adminOnly(400)
	},
	{
		route: '/pairings/[neighborhoodId]',
		method: 'POST',
		path: '/pairings/99999?/pair',
		form: { school_year_id: '2', school_id: '1' },
		expect: notFoundForAll
	},
	{
		route: '/pairings/[neighborhoodId]',
		method: 'POST',
		path: '/pairings/99999?/unpair',
		form: { pairing_id: '1', version: '1', reason: 'x' },
		expect: notFoundForAll
	}
];
