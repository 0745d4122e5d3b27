import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bellSessionRefusalMessage } from '../../../src/lib/server/bell-sessions/messages.ts';
import { checkSlot } from '../../../src/lib/server/bell-sessions/rules.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import {
	createSessionWorld,
	NOW,
	proposal,
	refusalOf,
	TUESDAY,
	type SessionWorld
} from './fixtures.ts';

describe('the slot rules', () => {
	let world: SessionWorld;
	beforeEach(async () => {
		world = await createSessionWorld();
	});
	afterEach(async () => world.db.destroy());

	const propose = (values: Parameters<typeof proposal>[1] = {}) =>
		proposeBellSession(world.db, world.manager, proposal(world, values), NOW);

	it('refuses a Friday, a date outside the school year and a start in the past', async () => {
		const cases = [
			[{ date: '2026-12-04' }, 'friday', /Fridays/, /جمعه/],
			[
				{ date: '2027-09-30' },
				'outside_school_year',
				/outside the current school year/,
				/بیرون از سال تحصیلی/
			],
			[{ date: '2026-09-01' }, 'outside_school_year', /outside/, /بیرون/],
			[{ date: '2026-11-25' }, 'past', /past/, /گذشته/],
			[{ date: '2026-02-30' }, 'date_invalid', /not a valid date/, /تاریخ درست نیست/],
			[{ start_time: '8:00' }, 'time_invalid', /hours:minutes/, /ساعت:دقیقه/],
			[{ duration_minutes: 5 }, 'duration_invalid', /between 15 and 240/, /۱۵ تا ۲۴۰/]
		] as const;
		for (const [values, problem, en, fa] of cases) {
			const refusal = refusalOf(await propose(values));
			expect(refusal, problem).toEqual({ problem });
			expect(bellSessionRefusalMessage(refusal!, 'en')).toMatch(en);
			expect(bellSessionRefusalMessage(refusal!, 'fa')).toMatch(fa);
		}
	});

	it('refuses a closure, naming it in the user’s language', async () => {
		// 22 Bahman 1405, Revolution Day (a Thursday).
		const refusal = refusalOf(await propose({ date: '2027-02-11' }));
		expect(refusal).toEqual({
			problem: 'closure',
			closure: { name_fa: 'پیروزی انقلاب اسلامی', name_en: 'Revolution Day' }
		});
		expect(bellSessionRefusalMessage(refusal!, 'en')).toBe('That day is closed: Revolution Day.');
		expect(bellSessionRefusalMessage(refusal!, 'fa')).toBe(
			'آن روز تعطیل است: پیروزی انقلاب اسلامی.'
		);
	});

	it("refuses a closure of the centre's own, but not another school's", async () => {
		const { db, dowlab, shahin } = world;
		const closure = {
			district_id: world.admin.scope.districtIds[0]!,
			starts_on: TUESDAY,
			ends_on: TUESDAY,
			created_at: NOW.toISOString()
		};
		await db
			.insertInto('closures')
			.values({
				...closure,
				kind: 'school',
				school_id: shahin.schoolId,
				name_fa: 'تعمیرات',
				name_en: 'Repairs'
			})
			.execute();
		expect((await propose()).ok).toBe(true);
		await db
			.insertInto('closures')
			.values({
				...closure,
				kind: 'center',
				center_id: dowlab.centerId,
				name_fa: 'بازسازی',
				name_en: 'Renovation'
			})
			.execute();
		const refusal = refusalOf(await propose({ start_time: '10:00' }));
		expect(refusal).toMatchObject({ problem: 'closure', closure: { name_en: 'Renovation' } });
	});

	it("refuses a start before or an end after the district's school day", async () => {
		const before = refusalOf(await propose({ start_time: '07:00' }));
		expect(before).toEqual({ problem: 'before_school_day', time: '07:30' });
		expect(bellSessionRefusalMessage(before!, 'en')).toBe(
			'The session starts before the school day begins (07:30).'
		);
		expect(bellSessionRefusalMessage(before!, 'fa')).toBe(
			'جلسه پیش از شروع روز مدرسه (۰۷:۳۰) آغاز می‌شود.'
		);
		const after = refusalOf(await propose({ start_time: '13:00', duration_minutes: 45 }));
		expect(after).toEqual({ problem: 'after_school_day', time: '13:30' });
		expect(bellSessionRefusalMessage(after!, 'en')).toMatch(
			/ends after the school day ends \(13:30\)/
		);
		expect(bellSessionRefusalMessage(after!, 'fa')).toMatch(/پس از پایان روز مدرسه \(۱۳:۳۰\)/);

		// The school day's own edges are allowed, and the settings are the district's.
		expect((await propose({ start_time: '07:30', duration_minutes: 30 })).ok).toBe(true);
		expect((await propose({ start_time: '12:30', duration_minutes: 60 })).ok).toBe(true);
		await world.db
			.insertInto('settings')
			.values({ district_id: world.admin.scope.districtIds[0]!, school_day_starts: '09:00' })
			.execute();
		expect(refusalOf(await propose({ start_time: '08:00' }))).toEqual({
			problem: 'before_school_day',
			time: '09:00'
		});
	});

	it('refuses the facilitator or the school booked at an overlapping time, allowing touching sessions', async () => {
		expect((await propose({ start_time: '09:00', duration_minutes: 60 })).ok).toBe(true);

		// Another school (شاهین's, proposed by the admin) with the same facilitator.
		const sameFacilitator = refusalOf(
			await proposeBellSession(
				world.db,
				world.admin,
				proposal(world, {
					neighborhood_id: world.shahin.neighborhoodId,
					school_id: world.shahin.schoolId,
					start_time: '09:30'
				}),
				NOW
			)
		);
		expect(sameFacilitator).toEqual({ problem: 'facilitator_busy' });
		expect(bellSessionRefusalMessage(sameFacilitator!, 'en')).toMatch(/facilitator already has/);
		expect(bellSessionRefusalMessage(sameFacilitator!, 'fa')).toMatch(/تسهیلگر در همین زمان/);

		const other = world.facilitatorId('حسین احمدی');
		const sameSchool = refusalOf(await propose({ facilitator_id: other, start_time: '08:30' }));
		expect(sameSchool).toEqual({ problem: 'school_busy' });
		expect(bellSessionRefusalMessage(sameSchool!, 'en')).toMatch(/school already has/);
		expect(bellSessionRefusalMessage(sameSchool!, 'fa')).toMatch(/مدرسه در همین زمان/);
		expect(
			refusalOf(await propose({ facilitator_id: other, start_time: '09:15', duration_minutes: 15 }))
		).toEqual({
			problem: 'school_busy'
		});

		// 08:00–09:00 and 10:00–11:00 touch the 09:00–10:00 session without overlapping it.
		expect((await propose({ facilitator_id: other, start_time: '08:00' })).ok).toBe(true);
		expect((await propose({ start_time: '10:00' })).ok).toBe(true);
		// Another day is free.
		expect((await propose({ date: '2026-12-02', start_time: '09:00' })).ok).toBe(true);
	});

	it('lets a declined or cancelled session free its slot, and a session not conflict with itself', async () => {
		const { db } = world;
		const first = await propose();
		const id = first.ok ? first.id : -1;
		expect(refusalOf(await propose())).toEqual({ problem: 'facilitator_busy' });
		for (const status of ['declined', 'cancelled'] as const) {
			await db.updateTable('bell_sessions').set({ status }).where('id', '=', id).execute();
			const again = await propose();
			expect(again.ok, status).toBe(true);
			await db
				.deleteFrom('bell_sessions')
				.where('id', '=', again.ok ? again.id : -1)
				.execute();
		}
		for (const status of ['counter_proposed', 'confirmed', 'held'] as const) {
			await db.updateTable('bell_sessions').set({ status }).where('id', '=', id).execute();
			expect(refusalOf(await propose()), status).toEqual({ problem: 'facilitator_busy' });
		}
		const slot = {
			districtId: world.admin.scope.districtIds[0]!,
			schoolId: world.dowlab.schoolId,
			centerId: world.dowlab.centerId,
			facilitatorId: world.facilitatorId('زهرا کریمی'),
			date: TUESDAY,
			startTime: '08:30',
			durationMinutes: 60
		};
		expect(await checkSlot(db, slot)).toEqual({ problem: 'facilitator_busy' });
		expect(await checkSlot(db, { ...slot, excludeSessionId: id })).toBeNull();
	});
});
