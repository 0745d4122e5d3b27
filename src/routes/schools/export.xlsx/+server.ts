import { requireUser } from '$lib/server/auth/guard';
import { respondWithXlsx } from '$lib/server/schools/export/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => respondWithXlsx(requireUser(event), event.url);
