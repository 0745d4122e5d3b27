import { respondWithCoverageJson } from '$lib/server/api/coverage';
import { withApiUser } from '$lib/server/api/respond';
import type { RequestHandler } from './$types';

// Read-only, for ministry systems: a personal API token is the credential, never a session.
export const GET: RequestHandler = ({ request, url }) =>
	withApiUser(request, (user) => respondWithCoverageJson(user, url));
