// Shared by the closures and settings pages.

/** `?district=<id>` if it is one of the admin's districts, else their first; null when none. */
export function chooseDistrict(districtIds: number[], url: URL): number | null {
	const asked = Number(url.searchParams.get('district'));
	return districtIds.includes(asked) ? asked : (districtIds[0] ?? null);
}
