import type { DB } from '../db/connect.ts';

// Each district's settings. A district without a row uses the defaults; the row is written on the
// first save (version 0 stands for "never saved").

export interface DistrictSettings {
	district_id: number;
	school_day_starts: string;
	school_day_ends: string;
	response_deadline_days: number;
	version: number;
}

export const defaultSettings = {
	school_day_starts: '07:30',
	school_day_ends: '13:30',
	response_deadline_days: 3
} as const;

export async function findSettings(db: DB, districtId: number): Promise<DistrictSettings> {
	const row = await db
		.selectFrom('settings')
		.selectAll()
		.where('district_id', '=', districtId)
		.executeTakeFirst();
	return row ?? { district_id: districtId, ...defaultSettings, version: 0 };
}
