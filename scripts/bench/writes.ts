import { openDatabase, type DB } from '../../src/lib/server/db/connect.ts';
import { FEEDBACK_OPEN_DAYS, formStateOf } from '../../src/lib/server/feedback/rules.ts';
import { findFeedbackTarget } from '../../src/lib/server/feedback/target.ts';
import { checkSlot } from '../../src/lib/server/bell-sessions/rules.ts';
import { findSettings } from '../../src/lib/server/settings/repository.ts';
import { toJalali } from '../../src/lib/i18n/jalali.ts';
import { minutesOf } from '../../src/lib/server/bell-sessions/time.ts';
import { findCurrentSchoolYear } from '../../src/lib/server/school-years/repository.ts';
import {
	findFacilitatorChoices,
	findPairedPlaces
} from '../../src/lib/server/bell-sessions/choices.ts';
import { findPlace } from '../../src/lib/server/bell-sessions/service.ts';
import { findUserByEmail, findUserScope } from '../../src/lib/server/users/repository.ts';

// The soak's writes, done as people do them through the pages, without JavaScript:
// - a centre manager corrects a held session's attendance: opens its form, changes the teachers'
//   count, saves (a transaction: the counts, the students by grade, an audit entry);
// - participants answer the anonymous feedback form of a session that has just been held: open
//   /f/<token>, send a rating (each from their own phone, so each from its own address);
// - a centre manager proposes a session at the paired school of staff@ and staff@ confirms it:
//   the handshake, each proposal at a slot the app's own rules (checkSlot) find free.
// Form posts carry the app's Origin, as a browser's do (SvelteKit refuses others).

interface Context {
	sessionId?: number;
	form?: Record<string, string> | null;
	token?: string;
	address?: string;
	proposedId?: number;
	version?: string;
}

interface Request {
	method: 'GET' | 'POST';
	path?: string;
	headers?: Record<string, string>;
	body?: string;
}

/** A request with its hooks (autocannon's shape, which the soak's runner follows too); `context` lives for one pass over the requests. */
export interface SoakRequest extends Request {
	setupRequest?: (request: Request, context: Context) => Request | null;
	onResponse?: (
		status: number,
		body: string,
		context: Context,
		headers?: Record<string, string>
	) => void;
}

const formPost = (origin: string) => ({
	origin,
	accept: 'text/html',
	'content-type': 'application/x-www-form-urlencoded'
});

/** The named inputs of the form posting to `action`, as the page shows them. */
function formFields(html: string, action: string): Record<string, string> | null {
	const form = new RegExp(
		`<form[^>]*action="${action.replace('?', '\\?')}"[^>]*>([\\s\\S]*?)</form>`
	);
	const inner = form.exec(html)?.[1];
	if (!inner) return null;
	const fields: Record<string, string> = {};
	for (const input of inner.match(/<input[^>]*>/g) ?? []) {
		const name = /\sname="([^"]*)"/.exec(input)?.[1];
		if (name) fields[name] = /\svalue="([^"]*)"/.exec(input)?.[1] ?? '';
	}
	return fields;
}

/**
 * Opening and saving a session's attendance form. Each session is in one connection's hands at a
 * time (taken when its form is opened, given back once saved), so no save meets a form someone
 * else has just changed: every save is a real change, and a refusal is an error.
 */
export function attendanceCorrections(
	origin: string,
	headers: Record<string, string>,
	sessionIds: number[]
): SoakRequest[] {
	const free = [...sessionIds];
	return [
		{
			method: 'GET',
			headers,
			setupRequest(request, context) {
				context.sessionId = free.shift();
				return { ...request, path: `/sessions/${context.sessionId}/attendance` };
			},
			onResponse(status, body, context) {
				context.form = status === 200 ? formFields(body, '?/attendance') : null;
			}
		},
		{
			method: 'POST',
			headers: { ...headers, ...formPost(origin) },
			setupRequest(request, context) {
				if (!context.form) {
					if (context.sessionId !== undefined) free.push(context.sessionId);
					return null;
				}
				// 2 ↔ 3, 4 ↔ 5...: always a change from what the form shows.
				const teachers = String(Number(context.form.teachers ?? 0) ^ 1);
				const body = new URLSearchParams({ ...context.form, teachers }).toString();
				return { ...request, path: `/sessions/${context.sessionId}/attendance?/attendance`, body };
			},
			onResponse(_status, _body, context) {
				free.push(context.sessionId!);
			}
		}
	];
}

let participant = 0;
/** A phone on a mobile network: an address of its own. */
const phoneAddress = () => {
	participant++;
	return `10.${(participant >> 16) & 255}.${(participant >> 8) & 255}.${participant & 255}`;
};

/** Participants opening a form and answering it, round the open forms in turn. */
export function feedbackAnswers(origin: string, tokens: string[]): SoakRequest[] {
	if (!tokens.length) return [];
	let next = 0;
	return [
		{
			method: 'GET',
			setupRequest(request, context) {
				context.token = tokens[next++ % tokens.length];
				context.address = phoneAddress();
				const headers = { accept: 'text/html', 'x-forwarded-for': context.address };
				return { ...request, path: `/f/${context.token}`, headers };
			}
		},
		{
			method: 'POST',
			setupRequest(request, context) {
				const headers = { ...formPost(origin), 'x-forwarded-for': context.address! };
				const overall = String(1 + (participant % 5));
				const body = new URLSearchParams({ overall, learned: 'yes', would_recommend: 'yes' });
				return { ...request, path: `/f/${context.token}`, headers, body: body.toString() };
			}
		}
	];
}

const DAY = 24 * 60 * 60 * 1000;

/** What a manager's proposal at staff@'s school needs, as the proposal page offers it. */
export interface ProposalTarget {
	neighborhoodId: number;
	topicId: number;
	facilitatorId: number;
	/** Free slots, each proposed once: a local date and start time. */
	slots: { date: string; startTime: string }[];
}

const PROPOSAL_MINUTES = 45;

/**
 * A proposal made and confirmed as people do it: the manager posts the proposal page's form, the
 * school's staff opens the session and confirms it with the version the page shows. Each
 * proposal takes the next free slot; once they are used up, the handshake stops.
 */
export function proposalsConfirmed(
	origin: string,
	manager: Record<string, string>,
	staff: Record<string, string>,
	target: ProposalTarget | null
): SoakRequest[] {
	if (!target) return [];
	const slots = [...target.slots];
	return [
		{
			method: 'POST',
			headers: { ...manager, ...formPost(origin) },
			setupRequest(request) {
				const slot = slots.shift();
				if (!slot) return null;
				const { year, month, day } = toJalali(slot.date);
				const body = new URLSearchParams({
					neighborhood_id: String(target.neighborhoodId),
					topic_id: String(target.topicId),
					facilitator_id: String(target.facilitatorId),
					audience: 'students',
					grades: '8',
					expected_headcount: '40',
					date: `${year}/${month}/${day}`,
					start_time: slot.startTime,
					duration_minutes: String(PROPOSAL_MINUTES),
					location: '',
					note: ''
				});
				return { ...request, path: '/sessions/new', body: body.toString() };
			},
			onResponse(_status, _body, context, headers) {
				const id = /\/sessions\/(\d+)/.exec(headers?.location ?? '')?.[1];
				context.proposedId = id ? Number(id) : undefined;
			}
		},
		{
			method: 'GET',
			headers: { ...staff, accept: 'text/html' },
			setupRequest(request, context) {
				if (context.proposedId === undefined) return null;
				return { ...request, path: `/sessions/${context.proposedId}` };
			},
			onResponse(status, body, context) {
				context.version = status === 200 ? formFields(body, '?/confirm')?.version : undefined;
			}
		},
		{
			method: 'POST',
			headers: { ...staff, ...formPost(origin) },
			setupRequest(request, context) {
				if (!context.version) return null;
				const body = new URLSearchParams({ version: context.version }).toString();
				return { ...request, path: `/sessions/${context.proposedId}?/confirm`, body };
			}
		}
	];
}

/**
 * staff@'s school as manager@ proposes there, read as the proposal page and the service read it
 * (the manager's paired places, the place's district and centre, the facilitators offered), a
 * topic for students, and up to `limit` slots the app's own rules find free (school days ahead,
 * within the school day).
 */
async function findProposalTarget(
	db: DB,
	managerEmail: string,
	staffEmail: string,
	limit: number
): Promise<ProposalTarget | null> {
	const [manager, staff, year] = await Promise.all([
		findUserByEmail(db, managerEmail),
		findUserByEmail(db, staffEmail),
		findCurrentSchoolYear(db)
	]);
	if (!manager || !staff?.school_id || !year) return null;
	const proposer = { ...manager, scope: await findUserScope(db, manager), ip: null };
	const paired = (await findPairedPlaces(db, proposer)).find(
		(p) => p.school_id === staff.school_id
	);
	const [facilitator] = await findFacilitatorChoices(db, proposer);
	const topic = await db
		.selectFrom('topics')
		.select('id')
		.where('active', '=', 1)
		.where('for_students', '=', 1)
		.orderBy('id')
		.executeTakeFirst();
	const place = paired && (await findPlace(db, proposer, paired.id));
	if (!paired || !place || !facilitator || !topic) return null;
	const settings = await findSettings(db, place.districtId);
	const [from, to] = [minutesOf(settings.school_day_starts), minutesOf(settings.school_day_ends)];
	const slots: ProposalTarget['slots'] = [];
	const now = new Date();
	for (let day = 2; slots.length < limit; day++) {
		const date = new Date(now.getTime() + day * DAY).toISOString().slice(0, 10);
		if (date > year.ends_on) break;
		for (
			let start = from;
			start + PROPOSAL_MINUTES <= to && slots.length < limit;
			start += PROPOSAL_MINUTES
		) {
			const startTime = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
			const problem = await checkSlot(db, {
				districtId: place.districtId,
				schoolId: paired.school_id,
				centerId: place.centerId,
				facilitatorId: facilitator.id,
				date,
				startTime,
				durationMinutes: PROPOSAL_MINUTES,
				now
			});
			if (!problem) slots.push({ date, startTime });
		}
	}
	return {
		neighborhoodId: paired.id,
		topicId: topic.id,
		facilitatorId: facilitator.id,
		slots
	};
}

/**
 * Tokens of session feedback forms open now (held in the last FEEDBACK_OPEN_DAYS and not full),
 * at most `limit`: read by status and start, so a country's file answers at once.
 */
export async function openFeedbackTokens(db: DB, limit: number): Promise<string[]> {
	const now = new Date();
	const since = new Date(now.getTime() - (FEEDBACK_OPEN_DAYS + 1) * DAY).toISOString();
	const links = await db
		.selectFrom('feedback_links')
		.innerJoin('bell_sessions', 'bell_sessions.id', 'feedback_links.bell_session_id')
		.select('feedback_links.token')
		.where('bell_sessions.status', '=', 'held')
		.where('bell_sessions.starts_at', '>', since)
		.where('bell_sessions.starts_at', '<=', now.toISOString())
		.orderBy('bell_sessions.starts_at', 'desc')
		.limit(limit * 2)
		.execute();
	const tokens: string[] = [];
	for (const { token } of links) {
		const target = await findFeedbackTarget(db, token);
		if (target && formStateOf(target, target.answers, now) === 'open') tokens.push(token);
		if (tokens.length === limit) break;
	}
	return tokens;
}

/**
 * What the writes will touch: a manager's held sessions, feedback forms open now, and, given a
 * staff member, where the manager may propose sessions that they confirm.
 */
export async function findWriteTargets(path: string, managerEmail: string, staffEmail?: string) {
	const db = openDatabase(path);
	try {
		const sessions = await db
			.selectFrom('bell_sessions')
			.innerJoin('user_centers', 'user_centers.center_id', 'bell_sessions.center_id')
			.innerJoin('users', 'users.id', 'user_centers.user_id')
			.select('bell_sessions.id')
			.where('users.email', '=', managerEmail)
			.where('bell_sessions.status', '=', 'held')
			.orderBy('bell_sessions.id')
			.execute();
		return {
			sessionIds: sessions.map((s) => s.id),
			tokens: await openFeedbackTokens(db, 200),
			proposals: staffEmail ? await findProposalTarget(db, managerEmail, staffEmail, 1000) : null
		};
	} finally {
		await db.destroy();
	}
}

/** What has been written: attendance corrections, proposals, confirmations (their audit entries), feedback answers. */
export async function countWrites(path: string) {
	const db = openDatabase(path);
	try {
		const audited = async (action: string) =>
			Number(
				(
					await db
						.selectFrom('audit_log')
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.where('action', '=', action)
						.executeTakeFirstOrThrow()
				).n
			);
		const answers = await db
			.selectFrom('feedback_answers')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return {
			corrections: await audited('attendance_updated'),
			answers: Number(answers.n),
			proposed: await audited('bell_session_proposed'),
			confirmed: await audited('bell_session_confirmed')
		};
	} finally {
		await db.destroy();
	}
}
