import { signedIn, type MatrixRow } from './roles';

// Coverage is read by everyone signed in, each within their own scope; the downloads take the
// page's parameters. Nonsense parameters are ignored, and a place outside the scope (99999) has
// no figures rather than an error.
export const coverageRows: MatrixRow[] = [
	{ route: '/coverage', method: 'GET', path: '/coverage', expect: signedIn(200) },
	{
		route: '/coverage',
		method: 'GET',
		path: '/coverage?view=school&level=lower_secondary&gender=girls&sort=sessionsHeld&dir=asc',
		expect: signedIn(200)
	},
	{
		route: '/coverage',
		method: 'GET',
		path: '/coverage?year=99999&area=99999&neighborhood=abc&view=planet&sort=drop&dir=up',
		expect: signedIn(200)
	},
	{
		route: '/coverage/export.csv',
		method: 'GET',
		path: '/coverage/export.csv?view=neighborhood',
		expect: signedIn(200)
	},
	{
		route: '/coverage/export.xlsx',
		method: 'GET',
		path: '/coverage/export.xlsx?level=primary',
		expect: signedIn(200)
	}
];
