import { getDayOfWeek, parseDate } from '@internationalized/date';
import SQLite from 'better-sqlite3';
import { toPersianDigits } from '../../src/lib/i18n/digits.ts';
import {
	schoolYearOf,
	schoolYearStarting,
	todayInTehran,
	type SchoolYearSpan
} from '../../src/lib/i18n/jalali.ts';
import { hashPassword } from '../../src/lib/server/auth/password.ts';
import { sessionInstants } from '../../src/lib/server/bell-sessions/time.ts';
import { kyselyOnSqlite, openDatabase } from '../../src/lib/server/db/connect.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { loadWithoutTallyTriggers } from '../../src/lib/server/coverage/bulk-load.ts';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts.ts';
import { readDistrictFile } from '../../src/lib/server/demo/district-file.ts';
import { gradesOf, makeDemoSchools, seededRandom } from '../../src/lib/server/demo/schools.ts';
import {
	centerSearchKey,
	facilitatorSearchKey,
	neighborhoodSearchKey,
	schoolSearchKey
} from '../../src/lib/search/keys.ts';

// Synthetic data at the sizes the ministry would have: deterministic (seeded), written straight
// through prepared statements in large transactions. Every session state, a school year of
// activity around today, attendance, Sunday campaigns and anonymous feedback; the demo accounts
// scoped to the first district and national@demo.test over every district.

export type Scale = 'district' | 'city' | 'national';

interface Size {
	districts: number;
	areasPerDistrict: number;
	neighborhoodsPerDistrict: number;
	schoolsPerNeighborhood: number;
	sessionsPerPairing: number;
	facilitatorsPerDistrict: number;
	answersPerHeldSession: number;
}

export const sizes: Record<Scale, Size> = {
	district: {
		districts: 1,
		areasPerDistrict: 6,
		neighborhoodsPerDistrict: 25,
		schoolsPerNeighborhood: 4,
		sessionsPerPairing: 40,
		facilitatorsPerDistrict: 8,
		answersPerHeldSession: 7
	},
	city: {
		districts: 22,
		areasPerDistrict: 5,
		neighborhoodsPerDistrict: 17,
		schoolsPerNeighborhood: 16,
		sessionsPerPairing: 40,
		facilitatorsPerDistrict: 8,
		answersPerHeldSession: 7
	},
	national: {
		districts: 1000,
		areasPerDistrict: 5,
		neighborhoodsPerDistrict: 30,
		schoolsPerNeighborhood: 4,
		sessionsPerPairing: 40,
		facilitatorsPerDistrict: 8,
		answersPerHeldSession: 5.5
	}
};

const syllables = [
	'مهر',
	'آباد',
	'نو',
	'کوی',
	'باغ',
	'چشمه',
	'دشت',
	'گل',
	'سرو',
	'کاج',
	'بهار',
	'یاس'
];
const people = ['علی', 'زهرا', 'مریم', 'حسین', 'فاطمه', 'رضا', 'کیان', 'نرگس', 'یاسمن', 'کاوه'];
const families = ['کریمی', 'رضایی', 'موسوی', 'حسینی', 'یزدانی', 'کاظمی', 'نیکنام', 'پاک‌نژاد'];

/** The spellings real data has: Arabic ي/ك for ی/ک, and a space for a zero-width non-joiner. */
function variant(text: string, random: () => number): string {
	let result = text;
	if (random() < 0.15) result = result.replaceAll('ی', 'ي').replaceAll('ک', 'ك');
	if (random() < 0.2) result = result.replaceAll('\u200c', ' ');
	return result;
}

function pick<T>(items: readonly T[], random: () => number): T {
	return items[Math.floor(random() * items.length)]!;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A feedback link's token, from the seeded generator so the file is the same every time. */
function token(random: () => number): string {
	return Array.from({ length: 12 }, () => pick([...alphabet], random)).join('');
}

function placeName(random: () => number, n: number): string {
	return `${pick(syllables, random)}‌${pick(syllables, random)} ${toPersianDigits(String(n))}`;
}

export interface Counts {
	[table: string]: number;
}

/** Builds the file at `path` (which must not exist) and answers the rows written per table. */
export async function generate(
	path: string,
	scale: Scale,
	log: (line: string) => void = () => {},
	now = new Date()
): Promise<Counts> {
	const size = sizes[scale];
	const random = seededRandom(1405);
	const kysely = openDatabase(path);
	await migrateToLatest(kysely);
	await kysely.destroy();

	const db = new SQLite(path);
	db.pragma('journal_mode = OFF');
	db.pragma('synchronous = OFF');
	db.pragma('foreign_keys = OFF');
	const counts: Counts = {};
	const insert = (table: string, columns: string[]) => {
		const statement = db.prepare(
			`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`
		);
		return (...values: unknown[]) => {
			counts[table] = (counts[table] ?? 0) + 1;
			return Number(statement.run(...values).lastInsertRowid);
		};
	};
	const at = now.toISOString();
	const today = todayInTehran(now);
	const file = readDistrictFile();

	// A year of activity: the last school year, all of it past, and the current one so far (and its
	// plans), a quarter as many sessions. Sessions fall on school days (no Fridays), events on Sundays.
	const current = schoolYearOf(today);
	const spans = [schoolYearStarting(current.startYear - 1), current];
	const daysOf = (span: SchoolYearSpan) => {
		const schoolDays: string[] = [];
		const sundays: string[] = [];
		for (let d = parseDate(span.startsOn); d.toString() <= span.endsOn; d = d.add({ days: 1 })) {
			const weekday = getDayOfWeek(d, 'en-US');
			if (weekday !== 5) schoolDays.push(d.toString());
			if (weekday === 0) sundays.push(d.toString());
		}
		return { schoolDays, sundays };
	};
	const instants = new Map<string, { starts_at: string; ends_at: string }>();
	const instantsOf = (date: string, time: string, minutes: number) => {
		const key = `${date}T${time}/${minutes}`;
		let value = instants.get(key);
		if (!value) instants.set(key, (value = sessionInstants(date, time, minutes)));
		return value;
	};

	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const yearIds: number[] = [];
	const ids = {
		districts: [] as number[],
		neighborhoods: [] as { id: number; district: number; center: number; school: number }[],
		facilitators: new Map<number, number[]>(),
		topics: [] as number[]
	};

	// The coverage tallies are counted once at the end, not by their triggers row by row. The
	// loader's transaction and the inserts below share the one connection.
	const shared = kyselyOnSqlite(db);
	await loadWithoutTallyTriggers(shared, async () => {
		db.transaction(() => {
			const schoolYear = insert('school_years', ['label', 'starts_on', 'ends_on', 'is_current']);
			for (const span of spans)
				yearIds.push(
					schoolYear(
						toPersianDigits(`${span.startYear}–${span.startYear + 1}`),
						span.startsOn,
						span.endsOn,
						span === current ? 1 : 0
					)
				);
			const topic = insert('topics', [
				'code',
				'name_fa',
				'name_en',
				'for_students',
				'for_parents',
				'for_teachers'
			]);
			for (const t of file.topics) ids.topics.push(topic(t.code, t.name_fa, t.name_en, 1, 1, 1));

			const district = insert('districts', ['name_fa', 'name_en', 'city_fa', 'city_en']);
			const area = insert('areas', ['district_id', 'number', 'name_fa', 'name_en']);
			const neighborhood = insert('neighborhoods', [
				'area_id',
				'name_fa',
				'name_en',
				'name_search'
			]);
			const center = insert('centers', ['neighborhood_id', 'name', 'name_search']);
			const school = insert('schools', [
				'ministry_code',
				'name',
				'level',
				'gender',
				'neighborhood_id',
				'name_search'
			]);
			const enrolment = insert('school_enrolments', ['school_id', 'grade', 'students']);
			const pairing = insert('pairings', [
				'school_year_id',
				'neighborhood_id',
				'school_id',
				'created_at'
			]);
			const facilitator = insert('facilitators', [
				'district_id',
				'name',
				'name_search',
				'organization'
			]);
			let schoolNumber = 0;
			for (let d = 1; d <= size.districts; d++) {
				const districtId = district(
					`منطقه ${toPersianDigits(String(d))}`,
					`District ${d}`,
					'تهران',
					'Tehran'
				);
				ids.districts.push(districtId);
				const facilitatorIds: number[] = [];
				for (let f = 0; f < size.facilitatorsPerDistrict; f++) {
					const name = variant(`${pick(people, random)} ${pick(families, random)}`, random);
					facilitatorIds.push(
						facilitator(districtId, name, facilitatorSearchKey({ name }), 'welfare')
					);
				}
				ids.facilitators.set(districtId, facilitatorIds);
				const areaIds = Array.from({ length: size.areasPerDistrict }, (_, a) =>
					area(districtId, a + 1, `ناحیهٔ ${toPersianDigits(String(a + 1))}`, `Area ${a + 1}`)
				);
				for (let n = 0; n < size.neighborhoodsPerDistrict; n++) {
					const nameFa = variant(placeName(random, n + 1), random);
					const names = { name_fa: nameFa, name_en: `Neighbourhood ${d}-${n + 1}` };
					const neighborhoodId = neighborhood(
						areaIds[n % areaIds.length],
						names.name_fa,
						names.name_en,
						neighborhoodSearchKey(names)
					);
					const centerName = `سرای محله ${nameFa}`;
					const centerId = center(
						neighborhoodId,
						centerName,
						centerSearchKey({ name: centerName })
					);
					let paired = 0;
					for (const s of makeDemoSchools(size.schoolsPerNeighborhood, random)) {
						schoolNumber++;
						const code = String(10_000_000 + schoolNumber);
						const name = variant(s.name, random);
						const schoolId = school(
							code,
							name,
							s.level,
							s.gender,
							neighborhoodId,
							schoolSearchKey({ name, ministry_code: code })
						);
						for (const e of s.enrolment) enrolment(schoolId, e.grade, e.students);
						if (!paired) paired = schoolId;
					}
					// One neighbourhood in twenty is still without a school this year.
					if (n % 20 !== 19) {
						for (const yearId of yearIds) pairing(yearId, neighborhoodId, paired, at);
						ids.neighborhoods.push({
							id: neighborhoodId,
							district: districtId,
							center: centerId,
							school: paired
						});
					}
				}
			}

			// The demo accounts, scoped to the first district, and one liaison over every district.
			const user = insert('users', [
				'email',
				'display_name',
				'password_hash',
				'role',
				'school_id',
				'created_at'
			]);
			const userDistrict = insert('user_districts', ['user_id', 'district_id']);
			const userCenter = insert('user_centers', ['user_id', 'center_id']);
			const first = ids.neighborhoods.filter((n) => n.district === ids.districts[0]);
			const account = (email: string, name: string, role: string, schoolId: number | null = null) =>
				user(email, name, passwordHash, role, schoolId, at);
			userDistrict(account('admin@demo.test', 'مدیر سامانه', 'admin'), ids.districts[0]);
			userDistrict(account('liaison@demo.test', 'کارشناس رابط', 'liaison'), ids.districts[0]);
			const manager = account('manager@demo.test', 'مدیر سرا', 'center_manager');
			for (const n of first.slice(0, 2)) userCenter(manager, n.center);
			const manager2 = account('manager2@demo.test', 'مدیر سرای دوم', 'center_manager');
			for (const n of first.slice(2, 4)) userCenter(manager2, n.center);
			account('staff@demo.test', 'مشاور مدرسه', 'school_staff', first[0]!.school);
			account('staff2@demo.test', 'مدیر مدرسه', 'school_staff', first[2]!.school);
			const national = account('national@demo.test', 'کارشناس ستاد ملی', 'liaison');
			for (const districtId of ids.districts) userDistrict(national, districtId);
		})();
		log(
			`places: ${ids.districts.length} districts, ${ids.neighborhoods.length} paired neighbourhoods`
		);

		// Sessions: each paired school's sessions on distinct days; in each district a facilitator
		// never has two at once (slot k gives day, hour and facilitator without repeats).
		const hours = ['08:00', '09:00', '10:00', '11:00'];
		const session = insert('bell_sessions', [
			'school_year_id',
			'neighborhood_id',
			'school_id',
			'center_id',
			'topic_id',
			'facilitator_id',
			'audience',
			'grades',
			'expected_headcount',
			'date',
			'start_time',
			'duration_minutes',
			'starts_at',
			'ends_at',
			'location',
			'status',
			'created_at',
			'updated_at',
			'version'
		]);
		const attendance = insert('bell_session_attendance', [
			'bell_session_id',
			'teachers',
			'parents',
			'recorded_at',
			'updated_at'
		]);
		const students = insert('bell_session_attendance_students', [
			'bell_session_id',
			'grade',
			'gender',
			'students'
		]);
		const link = insert('feedback_links', ['token', 'bell_session_id', 'created_at']);
		const answer = insert('feedback_answers', [
			'link_id',
			'overall',
			'learned',
			'would_recommend',
			'comment',
			'created_at'
		]);
		const schoolInfo = db.prepare('select level, gender from schools where id = ?');
		const learned = ['yes', 'partly', 'no'];
		const comments = [null, null, 'خیلی مفید بود', 'کاش طولانی‌تر بود', 'مثال‌ها کاربردی بودند'];
		const chunk = 500;
		for (const [index, span] of spans.entries()) {
			const yearId = yearIds[index]!;
			const { schoolDays, sundays } = daysOf(span);
			const sessionsPerPairing =
				span === current ? size.sessionsPerPairing / 4 : size.sessionsPerPairing;
			for (let start = 0; start < ids.neighborhoods.length; start += chunk) {
				db.transaction(() => {
					for (const [offset, n] of ids.neighborhoods.slice(start, start + chunk).entries()) {
						const { level, gender } = schoolInfo.get(n.school) as {
							level: keyof typeof gradesOf;
							gender: string;
						};
						const grades = gradesOf[level];
						const facilitators = ids.facilitators.get(n.district)!;
						const indexInDistrict = (start + offset) % size.neighborhoodsPerDistrict;
						for (let s = 0; s < sessionsPerPairing; s++) {
							const k = indexInDistrict * sessionsPerPairing + s;
							const date = schoolDays[k % schoolDays.length]!;
							const time = hours[Math.floor(k / schoolDays.length) % hours.length]!;
							const facilitatorId =
								facilitators[
									Math.floor(k / (schoolDays.length * hours.length)) % facilitators.length
								]!;
							const past = date < today;
							const r = random();
							const status = past
								? r < 0.75
									? 'held'
									: r < 0.85
										? 'cancelled'
										: r < 0.93
											? 'declined'
											: 'confirmed'
								: r < 0.3
									? 'proposed'
									: r < 0.35
										? 'counter_proposed'
										: r < 0.9
											? 'confirmed'
											: r < 0.95
												? 'cancelled'
												: 'declined';
							const sessionGrades = grades.slice(s % grades.length, (s % grades.length) + 1);
							const { starts_at, ends_at } = instantsOf(date, time, 60);
							const id = session(
								yearId,
								n.id,
								n.school,
								n.center,
								ids.topics[s % ids.topics.length],
								facilitatorId,
								'students',
								sessionGrades.join(','),
								60,
								date,
								time,
								60,
								starts_at,
								ends_at,
								'سالن اجتماعات',
								status,
								at,
								at,
								status === 'proposed' ? 1 : 2
							);
							if (status !== 'held') continue;
							attendance(id, Math.floor(random() * 4), Math.floor(random() * 10), ends_at, ends_at);
							for (const grade of sessionGrades)
								students(id, grade, gender, 20 + Math.floor(random() * 40));
							const linkId = link(token(random), id, ends_at);
							const answers = Math.round(random() * 2 * size.answersPerHeldSession);
							for (let a = 0; a < answers; a++)
								answer(
									linkId,
									1 + Math.floor(random() * 5),
									pick(learned, random),
									random() < 0.8 ? 1 : 0,
									pick(comments, random),
									ends_at
								);
						}
					}
				})();
				log(
					`sessions: ${Math.min(start + chunk, ids.neighborhoods.length)} of ${ids.neighborhoods.length} paired schools`
				);
			}

			// Sunday campaigns: one series per centre, every Sunday of the year.
			const campaign = insert('campaigns', [
				'center_id',
				'school_year_id',
				'title',
				'topic_id',
				'audience',
				'first_date',
				'last_date',
				'weekday',
				'start_time',
				'duration_minutes',
				'place',
				'created_at',
				'updated_at'
			]);
			const eventAttendance = insert('campaign_event_attendance', [
				'campaign_event_id',
				'adults_women',
				'adults_men',
				'youth_girls',
				'youth_boys',
				'children_girls',
				'children_boys',
				'recorded_at',
				'updated_at'
			]);
			const upTo = (most: number) => Math.floor(random() * most);
			const event = insert('campaign_events', [
				'campaign_id',
				'rule_date',
				'date',
				'start_time',
				'duration_minutes',
				'starts_at',
				'ends_at',
				'place',
				'status',
				'cancel_reason',
				'created_at',
				'updated_at'
			]);
			for (let start = 0; start < ids.neighborhoods.length; start += chunk) {
				db.transaction(() => {
					for (const n of ids.neighborhoods.slice(start, start + chunk)) {
						const campaignId = campaign(
							n.center,
							yearId,
							'پویش یکشنبه‌های بی‌آسیب',
							ids.topics[n.id % ids.topics.length],
							'public',
							sundays[0],
							sundays.slice(0, 40).at(-1),
							0,
							'16:00',
							90,
							'سرای محله',
							at,
							at
						);
						// A series runs through the school term: its first forty Sundays.
						for (const date of sundays.slice(0, 40)) {
							const { starts_at, ends_at } = instantsOf(date, '16:00', 90);
							const r = random();
							const status =
								date < today
									? r < 0.85
										? 'held'
										: r < 0.9
											? 'cancelled'
											: 'scheduled'
									: r < 0.95
										? 'scheduled'
										: 'cancelled';
							const eventId = event(
								campaignId,
								date,
								date,
								'16:00',
								90,
								starts_at,
								ends_at,
								'سرای محله',
								status,
								status === 'cancelled' ? 'هوای نامساعد' : null,
								at,
								at
							);
							if (status === 'held')
								eventAttendance(
									eventId,
									upTo(30),
									upTo(20),
									upTo(15),
									upTo(15),
									upTo(20),
									upTo(20),
									ends_at,
									ends_at
								);
						}
					}
				})();
			}
			log(`campaigns: ${counts.campaigns ?? 0} series, ${counts.campaign_events ?? 0} events`);
		}
	});
	log(`tallies: recounted`);
	db.pragma('foreign_keys = ON');
	const broken = db.pragma('foreign_key_check') as unknown[];
	if (broken.length) throw new Error(`${broken.length} broken foreign keys in the synthetic data`);
	db.exec('analyze');
	db.pragma('journal_mode = WAL');
	await shared.destroy();
	return counts;
}
