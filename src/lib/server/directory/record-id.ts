import { error } from '@sveltejs/kit';

/** The record id of a route such as /directory/areas/[id]; anything but a positive integer is 404. */
export function recordIdOf(params: { id: string }): number {
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, 'Not found');
	return id;
}
