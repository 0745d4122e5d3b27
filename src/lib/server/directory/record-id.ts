import { error } from '@sveltejs/kit';

/**
 * The record id in an address such as /sessions/[id]: only a positive integer written plainly
 * (12, not 012, 0x0c, 1.2e1 or " 12") is one, so each record has one address; anything else is 404.
 */
export function recordIdOf(segment: string | undefined): number {
	const id = Number(segment);
	if (!segment || !/^[1-9][0-9]*$/.test(segment) || !Number.isSafeInteger(id))
		error(404, 'Not found');
	return id;
}
