import type { DB } from '../../src/lib/server/db/connect.ts';
import {
	findPairingsPage,
	type NeighborhoodPairing,
	type PairingFilter,
	type ScopedUser
} from '../../src/lib/server/pairings/repository.ts';

/** The whole list of the user's pairings that year, as one page large enough for any test. */
export async function pairingsInScope(
	db: DB,
	user: ScopedUser,
	schoolYearId: number,
	filter: PairingFilter = {}
): Promise<NeighborhoodPairing[]> {
	return (await findPairingsPage(db, user, schoolYearId, filter, { limit: 100_000 })).rows;
}

/** The user's neighbourhoods without a school that year, with their area. */
export async function unpairedNeighborhoods(db: DB, user: ScopedUser, schoolYearId: number) {
	const rows = await pairingsInScope(db, user, schoolYearId, { unpairedOnly: true });
	return rows.map((r) => ({ ...r.neighborhood, area: r.area }));
}
