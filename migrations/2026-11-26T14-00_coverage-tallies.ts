import { sql, type Kysely } from 'kysely';
import {
	CalendarDate,
	GregorianCalendar,
	PersianCalendar,
	toCalendar
} from '@internationalized/date';
import {
	createRowTrigger,
	dropRowTrigger,
	dropTallyStatementEnds,
	tallyChange,
	tallyStatementEnds,
	type RowTrigger,
	type TallyShape
} from '../src/lib/server/db/dialect.ts';

// Coverage over many districts adds up a country's year: 300,000 sessions, a million Sunday
// events, millions of answers. These tallies keep those sums per district (and school year, the
// school's level and gender, and the Jalali month or the day) so a country-wide report reads a few
// thousand rows. They are kept by triggers in the same transaction as every write, never by a batch.
//
// Each tally has a view of "parts": what one session, pairing or event adds to it, read from the
// live tables. A trigger takes a part away before a write that can change it and adds it back after,
// so whatever the write did (a status, a count, a school's level, a neighbourhood's area), the tally
// follows. A part whose row is gone (a deleted session's cascade) adds nothing. How the two engines
// run the triggers differs (see tallyChange in the dialect helper).

interface Tally extends TallyShape {
	/** The parts view's SQL, its columns: the ids the triggers pick by, the keys, the values. */
	view: string;
}

/** 1 when the condition holds, else 0: a count both engines add up. */
const flag = (condition: string) => `case when ${condition} then 1 else 0 end`;

const districtOf = (neighborhood: string) =>
	`(select areas.district_id from neighborhoods join areas on areas.id = neighborhoods.area_id where neighborhoods.id = ${neighborhood})`;

const sessions: Tally = {
	table: 'coverage_session_tallies',
	parts: 'coverage_session_parts',
	identity: ['bell_session_id'],
	keys: ['school_year_id', 'district_id', 'level', 'gender', 'month_start'],
	values: [
		'sessions_proposed',
		'sessions_confirmed',
		'sessions_held',
		'sessions_cancelled',
		'sessions_declined',
		'students_reached',
		'staff_ratings',
		'staff_rating_sum',
		'answers',
		'answer_rating_sum'
	],
	view: `
		select s.id as bell_session_id, s.school_id, s.neighborhood_id,
			s.school_year_id, ${districtOf('s.neighborhood_id')} as district_id, sc.level, sc.gender,
			(select max(starts_on) from jalali_month_starts where starts_on <= s.date) as month_start,
			${flag("s.status in ('proposed', 'counter_proposed')")} as sessions_proposed,
			${flag("s.status = 'confirmed'")} as sessions_confirmed,
			${flag("s.status = 'held'")} as sessions_held,
			${flag("s.status = 'cancelled'")} as sessions_cancelled,
			${flag("s.status = 'declined'")} as sessions_declined,
			case when s.status = 'held' then (select coalesce(sum(t.students), 0)
				from bell_session_attendance_students t where t.bell_session_id = s.id) else 0 end as students_reached,
			case when s.status = 'held' then (select count(*)
				from staff_feedback f where f.bell_session_id = s.id) else 0 end as staff_ratings,
			case when s.status = 'held' then (select coalesce(sum(f.relevance + f.facilitator + f.engagement), 0)
				from staff_feedback f where f.bell_session_id = s.id) else 0 end as staff_rating_sum,
			case when s.status = 'held' then (select count(*)
				from feedback_links l join feedback_answers a on a.link_id = l.id where l.bell_session_id = s.id) else 0 end as answers,
			case when s.status = 'held' then (select coalesce(sum(a.overall), 0)
				from feedback_links l join feedback_answers a on a.link_id = l.id where l.bell_session_id = s.id) else 0 end as answer_rating_sum
		from bell_sessions s join schools sc on sc.id = s.school_id`
};

const grades: Tally = {
	table: 'coverage_grade_tallies',
	parts: 'coverage_grade_parts',
	identity: ['bell_session_id', 'grade', 'student_gender'],
	keys: ['school_year_id', 'district_id', 'level', 'gender', 'grade', 'student_gender'],
	values: ['students_reached'],
	view: `
		select s.id as bell_session_id, s.school_id, s.neighborhood_id,
			s.school_year_id, ${districtOf('s.neighborhood_id')} as district_id, sc.level, sc.gender,
			t.grade, t.gender as student_gender, t.students as students_reached
		from bell_sessions s join schools sc on sc.id = s.school_id
			join bell_session_attendance_students t on t.bell_session_id = s.id
		where s.status = 'held'`
};

const pairings: Tally = {
	table: 'coverage_pairing_tallies',
	parts: 'coverage_pairing_parts',
	identity: ['pairing_id'],
	keys: ['school_year_id', 'district_id', 'level', 'gender'],
	values: ['schools_paired', 'schools_reached'],
	view: `
		select p.id as pairing_id, p.school_id, p.neighborhood_id,
			p.school_year_id, ${districtOf('p.neighborhood_id')} as district_id, sc.level, sc.gender,
			1 as schools_paired,
			${flag(`exists (select 1 from bell_sessions s where s.school_id = p.school_id
				and s.school_year_id = p.school_year_id and s.status = 'held')`)} as schools_reached
		from pairings p join schools sc on sc.id = p.school_id`
};

const enrolments: Tally = {
	table: 'coverage_enrolment_tallies',
	parts: 'coverage_enrolment_parts',
	identity: ['pairing_id', 'grade'],
	keys: ['school_year_id', 'district_id', 'level', 'gender', 'grade'],
	values: ['students_enrolled'],
	view: `
		select p.id as pairing_id, p.school_id, p.neighborhood_id,
			p.school_year_id, ${districtOf('p.neighborhood_id')} as district_id, sc.level, sc.gender,
			e.grade, e.students as students_enrolled
		from pairings p join schools sc on sc.id = p.school_id
			join school_enrolments e on e.school_id = p.school_id`
};

const sundayEvents: Tally = {
	table: 'coverage_event_tallies',
	parts: 'coverage_event_parts',
	identity: ['campaign_event_id'],
	keys: ['district_id', 'date'],
	values: ['events_planned', 'events_held', 'events_cancelled', 'event_attendance'],
	view: `
		select e.id as campaign_event_id, e.campaign_id, c.center_id, ce.neighborhood_id,
			${districtOf('ce.neighborhood_id')} as district_id, e.date,
			${flag("e.status in ('scheduled', 'held')")} as events_planned,
			${flag("e.status = 'held'")} as events_held,
			${flag("e.status = 'cancelled'")} as events_cancelled,
			case when e.status = 'held' then coalesce((select a.adults_women + a.adults_men + a.youth_girls
				+ a.youth_boys + a.children_girls + a.children_boys
				from campaign_event_attendance a where a.campaign_event_id = e.id), 0) else 0 end as event_attendance
		from campaign_events e join campaigns c on c.id = e.campaign_id join centers ce on ce.id = c.center_id`
};

const tallies = [sessions, grades, pairings, enrolments, sundayEvents];

/** The parts of the tally a written row touches, as a condition on `row` (NEW or OLD). */
type Touches = [Tally, (row: string) => string][];

const inNeighborhood = (row: string) => `neighborhood_id = ${row}.id`;
const inArea = (row: string) =>
	`neighborhood_id in (select id from neighborhoods where area_id = ${row}.id)`;

/**
 * Each written table: the columns whose change matters and what it touches. Tables whose rows are
 * parts (or add to one) follow inserts and deletes too, and name their unique keys: an insert that
 * meets an existing row (`on conflict do nothing`, an upsert) is no insert, so nothing is taken away
 * before it (an upsert's update has its own triggers). `insert or replace` is not followed.
 */
interface Source {
	table: string;
	columns: string[];
	touches: Touches;
	/** The unique keys, for tables followed on insert and delete; none for update-only ones. */
	unique?: string[][];
}

const sources: Source[] = [
	{
		table: 'bell_sessions',
		unique: [['id']],
		columns: ['status', 'school_id', 'neighborhood_id', 'school_year_id', 'date'],
		touches: [
			[sessions, (r) => `bell_session_id = ${r}.id`],
			[grades, (r) => `bell_session_id = ${r}.id`],
			[pairings, (r) => `school_id = ${r}.school_id and school_year_id = ${r}.school_year_id`]
		]
	},
	{
		table: 'bell_session_attendance_students',
		unique: [['bell_session_id', 'grade', 'gender']],
		columns: ['bell_session_id', 'grade', 'gender', 'students'],
		touches: [
			[sessions, (r) => `bell_session_id = ${r}.bell_session_id`],
			// A row of students is its own part of the grade tally.
			[
				grades,
				(r) =>
					`bell_session_id = ${r}.bell_session_id and grade = ${r}.grade and student_gender = ${r}.gender`
			]
		]
	},
	{
		table: 'staff_feedback',
		unique: [['id'], ['bell_session_id', 'user_id'], ['campaign_event_id', 'user_id']],
		columns: ['bell_session_id', 'relevance', 'facilitator', 'engagement'],
		touches: [[sessions, (r) => `bell_session_id = ${r}.bell_session_id`]]
	},
	{
		table: 'feedback_links',
		unique: [['id'], ['token'], ['bell_session_id'], ['campaign_event_id']],
		columns: ['bell_session_id'],
		touches: [[sessions, (r) => `bell_session_id = ${r}.bell_session_id`]]
	},
	{
		table: 'feedback_answers',
		unique: [['id']],
		columns: ['link_id', 'overall'],
		touches: [
			[
				sessions,
				(r) =>
					`bell_session_id = (select bell_session_id from feedback_links where id = ${r}.link_id)`
			]
		]
	},
	{
		table: 'pairings',
		unique: [['id'], ['school_year_id', 'neighborhood_id'], ['school_year_id', 'school_id']],
		columns: ['school_year_id', 'neighborhood_id', 'school_id'],
		touches: [
			[pairings, (r) => `pairing_id = ${r}.id`],
			[enrolments, (r) => `pairing_id = ${r}.id`]
		]
	},
	{
		table: 'school_enrolments',
		unique: [['school_id', 'grade']],
		columns: ['school_id', 'grade', 'students'],
		// A grade's enrolment is its own part of the enrolment tally, for each pairing of the school.
		touches: [[enrolments, (r) => `school_id = ${r}.school_id and grade = ${r}.grade`]]
	},
	{
		table: 'schools',
		columns: ['level', 'gender'],
		touches: [sessions, grades, pairings, enrolments].map((t) => [t, (r) => `school_id = ${r}.id`])
	},
	{
		table: 'campaign_events',
		unique: [['id'], ['campaign_id', 'date']],
		columns: ['campaign_id', 'date', 'status'],
		touches: [[sundayEvents, (r) => `campaign_event_id = ${r}.id`]]
	},
	{
		table: 'campaign_event_attendance',
		unique: [['campaign_event_id']],
		columns: [
			'campaign_event_id',
			'adults_women',
			'adults_men',
			'youth_girls',
			'youth_boys',
			'children_girls',
			'children_boys'
		],
		touches: [[sundayEvents, (r) => `campaign_event_id = ${r}.campaign_event_id`]]
	},
	{
		table: 'campaigns',
		columns: ['center_id'],
		touches: [[sundayEvents, (r) => `campaign_id = ${r}.id`]]
	},
	{
		table: 'centers',
		columns: ['neighborhood_id'],
		touches: [[sundayEvents, (r) => `center_id = ${r}.id`]]
	},
	{
		table: 'neighborhoods',
		columns: ['area_id'],
		touches: tallies.map((t) => [t, inNeighborhood])
	},
	{
		table: 'areas',
		columns: ['district_id'],
		touches: tallies.map((t) => [t, inArea])
	}
];

type Write = 'insert' | 'update' | 'delete';

const writesOf = (source: Source): Write[] =>
	source.unique ? ['insert', 'update', 'delete'] : ['update'];

/** The row met by an insert's unique keys, if any. */
function existing(source: Source): string {
	const keys = source.unique!.map((key) => key.map((c) => `${c} = NEW.${c}`).join(' and '));
	return `exists (select 1 from ${source.table} where ${keys.map((k) => `(${k})`).join(' or ')})`;
}

function triggers(db: Kysely<any>, source: Source): RowTrigger[] {
	return writesOf(source).flatMap((event) => {
		const rows = event === 'insert' ? ['NEW'] : event === 'delete' ? ['OLD'] : ['OLD', 'NEW'];
		return (['before', 'after'] as const).map((timing) => ({
			name: `coverage_${source.table}_${timing}_${event}`,
			table: source.table,
			timing,
			event,
			columns: event === 'update' ? source.columns : undefined,
			unless: event === 'insert' && timing === 'before' ? existing(source) : undefined,
			body: source.touches
				.map(([tally, touches]) =>
					tallyChange(
						db,
						tally,
						timing === 'before' ? -1 : 1,
						rows.map((r) => `(${touches(r)})`).join(' or ')
					)
				)
				.join('\n')
		}));
	});
}

/** The first day of every Jalali month from 1300 to 1499 (1921 to 2121), as 'YYYY-MM-DD'. */
function jalaliMonthStarts(): string[] {
	const persian = new PersianCalendar();
	const starts: string[] = [];
	for (let year = 1300; year < 1500; year++)
		for (let month = 1; month <= 12; month++)
			starts.push(
				toCalendar(new CalendarDate(persian, year, month, 1), new GregorianCalendar()).toString()
			);
	return starts;
}

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create table jalali_month_starts (starts_on text primary key)`.execute(db);
	for (const starts of chunks(jalaliMonthStarts(), 500))
		await db
			.insertInto('jalali_month_starts')
			.values(starts.map((starts_on) => ({ starts_on })))
			.execute();
	for (const tally of tallies) {
		const columns = [
			...tally.keys.map(
				(k) =>
					`${k} ${k === 'district_id' || k === 'school_year_id' || k === 'grade' ? 'integer' : 'text'} not null`
			),
			...tally.values.map((v) => `${v} integer not null default 0`)
		];
		await sql
			.raw(
				`create table ${tally.table} (${columns.join(', ')}, primary key (${tally.keys.join(', ')}))`
			)
			.execute(db);
		await sql.raw(`create view ${tally.parts} as ${tally.view}`).execute(db);
		await sql
			.raw(
				`insert into ${tally.table} (${tally.keys.join(', ')}, ${tally.values.join(', ')})
				select ${tally.keys.join(', ')}, ${tally.values.map((v) => `sum(${v})`).join(', ')}
				from ${tally.parts} group by ${tally.keys.join(', ')}`
			)
			.execute(db);
	}
	for (const source of sources) {
		for (const trigger of triggers(db, source)) await createRowTrigger(db, trigger);
		await tallyStatementEnds(db, source.table, writesOf(source));
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const source of sources)
		for (const trigger of triggers(db, source)) await dropRowTrigger(db, trigger);
	await dropTallyStatementEnds(
		db,
		sources.map((source) => source.table)
	);
	for (const tally of tallies) {
		await sql.raw(`drop view ${tally.parts}`).execute(db);
		await sql.raw(`drop table ${tally.table}`).execute(db);
	}
	await sql`drop table jalali_month_starts`.execute(db);
}

function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}
