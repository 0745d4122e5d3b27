import type { BellSessionActor } from '../../../src/lib/server/bell-sessions/service.ts';
import { proposeBellSession } from '../../../src/lib/server/bell-sessions/service.ts';
import { transitionBellSession } from '../../../src/lib/server/bell-sessions/transitions.ts';
import type { AttendanceInput } from '../../../src/lib/server/attendance/service.ts';
import type { ProposalInput } from '../../../src/lib/server/bell-sessions/service.ts';
import {
	actorOf,
	createSessionWorld,
	NOW,
	proposal,
	type SessionWorld
} from '../bell-sessions/fixtures.ts';

// Sessions to record attendance for. The demo school paired with دولاب is an upper-secondary girls'
// school enrolling 40 in grade 10, 52 in grade 11 and 34 in grade 12. Sessions are proposed on
// 2026-11-27 for early December, half an hour each, and confirmed by staff@.

export const accounts = ['admin', 'manager', 'manager2', 'staff', 'staff2', 'liaison'] as const;
export type Account = (typeof accounts)[number];

export interface AttendanceWorld extends SessionWorld {
	as: Record<Account, BellSessionActor>;
	/** A new proposal for grades 10 and 11 at a free time (one per call), confirmed unless told. */
	session: (values?: Partial<ProposalInput>, confirm?: boolean) => Promise<number>;
}

const freeStarts = [
	'07:30',
	'08:00',
	'08:30',
	'09:00',
	'09:30',
	'10:00',
	'10:30',
	'11:00',
	'11:30'
];

export async function createAttendanceWorld(
	options: { poolSize?: number } = {}
): Promise<AttendanceWorld> {
	const world = await createSessionWorld(options);
	const as = {} as Record<Account, BellSessionActor>;
	for (const name of accounts) as[name] = await actorOf(world.db, `${name}@demo.test`);
	let made = 0;
	const session = async (values: Partial<ProposalInput> = {}, confirm = true) => {
		// Every session takes its own half hour, so neither the school nor the facilitator overlaps.
		const start = freeStarts[made % freeStarts.length]!;
		const date = ['2026-12-01', '2026-12-02', '2026-12-05', '2026-12-06'][Math.floor(made / 9)]!;
		made++;
		const proposed = await proposeBellSession(
			world.db,
			as.manager,
			proposal(world, {
				grades: [10, 11],
				start_time: start,
				duration_minutes: 30,
				date,
				...values
			}),
			NOW
		);
		if (!proposed.ok) throw new Error(`refused: ${JSON.stringify(proposed)}`);
		if (confirm) {
			const confirmed = await transitionBellSession(
				world.db,
				as.staff,
				{ sessionId: proposed.id, version: 1, action: 'confirm' },
				NOW
			);
			if (!confirmed.ok) throw new Error(`not confirmed: ${JSON.stringify(confirmed)}`);
		}
		return proposed.id;
	};
	return { ...world, as, session };
}

/** A plausible attendance: 20 girls and 0 boys in grade 10, 25 and 0 in grade 11, 3 teachers. */
export function counts(sessionId: number, values: Partial<AttendanceInput> = {}): AttendanceInput {
	return {
		sessionId,
		version: 0,
		teachers: 3,
		parents: 0,
		students: [
			{ grade: 10, gender: 'girls', students: 20 },
			{ grade: 10, gender: 'boys', students: 0 },
			{ grade: 11, gender: 'girls', students: 25 },
			{ grade: 11, gender: 'boys', students: 0 }
		],
		...values
	};
}

/** The attendance entries of a session's or event's audit trail, oldest first. */
export function attendanceAuditOf(
	world: SessionWorld,
	entityType: 'bell_session' | 'campaign_event',
	id: number
) {
	return world.db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity_type', '=', entityType)
		.where('entity_id', '=', id)
		.where('action', 'like', 'attendance_%')
		.orderBy('id')
		.execute();
}

const minute = 60 * 1000;

/** Moments around a session (or event): a minute before it starts, during it, a minute after. */
export async function momentsOf(
	world: SessionWorld,
	id: number,
	table: 'bell_sessions' | 'campaign_events' = 'bell_sessions'
) {
	const { starts_at, ends_at } = await world.db
		.selectFrom(table)
		.select(['starts_at', 'ends_at'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	const start = new Date(starts_at).getTime();
	const end = new Date(ends_at).getTime();
	return {
		before: new Date(start - minute),
		during: new Date(start + minute),
		after: new Date(end + minute),
		end: new Date(end)
	};
}
