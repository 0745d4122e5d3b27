import { everyone, type MatrixRow } from './roles';

// The public feedback form needs no account: an unknown link is the polite "no such form" page
// (404) for everyone, signed in or not, in Persian and English, and answering it changes nothing.
// Real links are random; the browser test (attendance.spec.ts) answers one.
export const feedbackRows: MatrixRow[] = [
	{ route: '/f/[token]', method: 'GET', path: '/f/unknown-token', expect: everyone(404) },
	{ route: '/f/[token]', method: 'GET', path: '/en/f/AAAAAAAAAAAA', expect: everyone(404) },
	{ route: '/f/[token]', method: 'GET', path: '/f/%3Cscript%3E', expect: everyone(404) },
	{
		route: '/f/[token]',
		method: 'POST',
		path: '/f/unknown-token',
		form: { overall: '5' },
		expect: everyone(404)
	},
	{ route: '/f/[token]', method: 'POST', path: '/f/unknown-token', form: {}, expect: everyone(404) }
];
