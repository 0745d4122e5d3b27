import type { DB } from '../db/connect.ts';
import { toPersianDigits } from '../../i18n/digits.ts';
import { schoolYearOf, schoolYearStarting, todayInTehran } from '../../i18n/jalali.ts';
import { centerSearchKey, neighborhoodSearchKey, schoolSearchKey } from '../../search/keys.ts';
import { generateFixedHolidays } from '../closures/service.ts';
import { listSchoolYears } from '../school-years/repository.ts';
import { seedDemoAccounts } from './accounts.ts';
import { readDistrictFile } from './district-file.ts';
import { seedDemoProgramme } from './programme.ts';
import { makeDemoSchools, seededRandom } from './schools.ts';
import { inTransaction } from '../db/transaction.ts';

export const DEMO_SCHOOL_COUNT = 40;

/** Loads District 14 into an empty, migrated database, all or nothing. */
export async function seedDemoDistrict(db: DB, today = todayInTehran()): Promise<void> {
	const data = readDistrictFile();
	const random = seededRandom(1405);
	await inTransaction(db, async (trx) => {
		const district = await trx
			.insertInto('districts')
			.values(data.district)
			.returning('id')
			.executeTakeFirstOrThrow();

		const areaIds: number[] = [];
		for (const area of data.areas) {
			const { id } = await trx
				.insertInto('areas')
				.values({
					district_id: district.id,
					number: area.no,
					name_fa: area.name_fa,
					name_en: area.name_en
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			areaIds.push(id);
		}

		// Illustrative: the official area of each neighbourhood is not published.
		const neighborhoodIds: number[] = [];
		for (const [i, n] of data.neighborhoods.entries()) {
			const areaId = areaIds[Math.floor((i * areaIds.length) / data.neighborhoods.length)]!;
			const { id } = await trx
				.insertInto('neighborhoods')
				.values({
					area_id: areaId,
					name_fa: n.name_fa,
					name_en: n.name_en,
					name_search: neighborhoodSearchKey(n)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			neighborhoodIds.push(id);
			const centerName = `سرای محله ${n.name_fa}`;
			await trx
				.insertInto('centers')
				.values({
					neighborhood_id: id,
					name: centerName,
					name_search: centerSearchKey({ name: centerName }),
					address: `تهران، منطقه ۱۴، محله ${n.name_fa}`,
					phone: `021-3344${String(1000 + i)}`
				})
				.execute();
		}

		for (const [i, school] of makeDemoSchools(DEMO_SCHOOL_COUNT, random).entries()) {
			const ministryCode = String(14100001 + i);
			const { id } = await trx
				.insertInto('schools')
				.values({
					ministry_code: ministryCode,
					name: school.name,
					name_search: schoolSearchKey({ name: school.name, ministry_code: ministryCode }),
					level: school.level,
					gender: school.gender,
					neighborhood_id: neighborhoodIds[i % neighborhoodIds.length]!,
					address: null,
					principal_name: null,
					phone: null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await trx
				.insertInto('school_enrolments')
				.values(school.enrolment.map((e) => ({ school_id: id, ...e })))
				.execute();
		}

		const current = schoolYearOf(today);
		const previous = schoolYearStarting(current.startYear - 1);
		for (const year of [previous, current]) {
			await trx
				.insertInto('school_years')
				.values({
					label: toPersianDigits(`${year.startYear}–${year.startYear + 1}`),
					starts_on: year.startsOn,
					ends_on: year.endsOn,
					is_current: year === current ? 1 : 0
				})
				.execute();
		}

		await seedDemoProgramme(trx, district.id);
		await seedDemoAccounts(trx, district.id);
	});
}

/**
 * The official fixed holidays of every school year, as the demo admin would generate them
 * (a separate step, so tests of the bare district start without closures).
 */
export async function seedDemoClosures(db: DB): Promise<void> {
	const admin = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', 'admin@demo.test')
		.executeTakeFirstOrThrow();
	const { district_id: districtId } = await db
		.selectFrom('user_districts')
		.select('district_id')
		.where('user_id', '=', admin.id)
		.executeTakeFirstOrThrow();
	const actor = { id: admin.id, districtIds: [districtId], ip: null };
	for (const year of await listSchoolYears(db)) {
		await generateFixedHolidays(db, actor, districtId, year.id);
	}
}
