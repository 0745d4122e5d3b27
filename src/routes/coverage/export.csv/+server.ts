import { requireUser } from '$lib/server/auth/guard';
import { respondWithCoverageCsv } from '$lib/server/coverage/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => respondWithCoverageCsv(requireUser(event), event.url);
