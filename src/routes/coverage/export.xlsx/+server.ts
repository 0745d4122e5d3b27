import { requireUser } from '$lib/server/auth/guard';
import { respondWithCoverageXlsx } from '$lib/server/coverage/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	respondWithCoverageXlsx(requireUser(event), event.url);
