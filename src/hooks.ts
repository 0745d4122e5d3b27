import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// '/en/directory' and '/directory' are the same route in two languages.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
