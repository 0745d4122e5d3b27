import { requireUser } from '$lib/server/auth/guard';
import { respondWithCsv } from '$lib/server/schools/export/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => respondWithCsv(requireUser(event), event.url);
