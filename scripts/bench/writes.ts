import { openDatabase, type DB } from '../../src/lib/server/db/connect.ts';
import { FEEDBACK_OPEN_DAYS, formStateOf } from '../../src/lib/server/feedback/rules.ts';
import { findFeedbackTarget } from '../../src/lib/server/feedback/target.ts';

// The soak's writes, done as people do them through the pages, without JavaScript:
// - a centre manager corrects a held session's attendance: opens its form, changes the teachers'
//   count, saves (a transaction: the counts, the students by grade, an audit entry);
// - participants answer the anonymous feedback form of a session that has just been held: open
//   /f/<token>, send a rating (each from their own phone, so each from its own address).
// Form posts carry the app's Origin, as a browser's do (SvelteKit refuses others).

interface Context {
	sessionId?: number;
	form?: Record<string, string> | null;
	token?: string;
	address?: string;
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
	onResponse?: (status: number, body: string, context: Context) => void;
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

/** What the writes will touch: a manager's held sessions, and feedback forms open now. */
export async function findWriteTargets(path: string, managerEmail: string) {
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
		return { sessionIds: sessions.map((s) => s.id), tokens: await openFeedbackTokens(db, 200) };
	} finally {
		await db.destroy();
	}
}

/** What has been written: attendance corrections (their audit entries) and feedback answers. */
export async function countWrites(path: string) {
	const db = openDatabase(path);
	try {
		const corrections = await db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('action', '=', 'attendance_updated')
			.executeTakeFirstOrThrow();
		const answers = await db
			.selectFrom('feedback_answers')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return { corrections: Number(corrections.n), answers: Number(answers.n) };
	} finally {
		await db.destroy();
	}
}
