import { everyone, type MatrixRow, type Role, type Outcome } from './roles';

// The API takes only a personal token: the session cookie these requests carry opens nothing,
// so every role gets 401 (before any parameter is read). Liaisons and admins make and revoke
// tokens on /profile; for anyone else those actions do not exist (404). An empty name is refused
// and token 99999 is nobody's, so the demo data stays as it was.
const tokenHolders = (outcome: Outcome): Record<Role, Outcome> => ({
	anonymous: 'login',
	admin: outcome,
	center_manager: 404,
	school_staff: 404,
	liaison: outcome
});

export const apiRows: MatrixRow[] = [
	{ route: '/api/v1/coverage', method: 'GET', path: '/api/v1/coverage', expect: everyone(401) },
	{
		route: '/api/v1/coverage',
		method: 'GET',
		path: '/api/v1/coverage?view=school&area=1',
		expect: everyone(401)
	},
	{ route: '/api/v1/sessions', method: 'GET', path: '/api/v1/sessions', expect: everyone(401) },
	{
		route: '/api/v1/sessions',
		method: 'GET',
		path: '/api/v1/sessions?status=bogus&limit=0',
		expect: everyone(401)
	},
	{
		route: '/profile',
		method: 'POST',
		path: '/profile?/createApiToken',
		form: {},
		expect: tokenHolders(400)
	},
	{
		route: '/profile',
		method: 'POST',
		path: '/profile?/revokeApiToken',
		form: {},
		expect: tokenHolders(400)
	},
	{
		route: '/profile',
		method: 'POST',
		path: '/profile?/revokeApiToken',
		form: { token_id: '99999' },
		expect: tokenHolders(404)
	}
];
