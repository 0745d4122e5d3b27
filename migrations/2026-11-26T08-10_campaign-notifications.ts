import { sql, type Kysely } from 'kysely';
import { engineOf, numberedKey } from '../src/lib/server/db/dialect.ts';

// The inbox tells of moved and cancelled campaign events too: a nullable campaign_event_id and
// two more events. SQLite cannot change a CHECK constraint in place, so there the table is rebuilt
// and its rows copied, in one transaction; PostgreSQL alters it in place. Each notification is about exactly one session or one
// campaign event, and goes when that goes (cascade), as before.

const sessionEvents = [
	'proposed',
	'confirmed',
	'counter_proposed',
	'declined',
	'accepted',
	'rescheduled',
	'moved',
	'cancelled'
];
const campaignEvents = ['event_moved', 'event_cancelled'];

const listOf = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

async function createTable(db: Kysely<any>, name: string, withCampaigns: boolean): Promise<void> {
	let table = db.schema
		.createTable(name)
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('bell_session_id', 'integer', (c) =>
			c.references('bell_sessions.id').onDelete('cascade')
		);
	if (withCampaigns)
		table = table.addColumn('campaign_event_id', 'integer', (c) =>
			c.references('campaign_events.id').onDelete('cascade')
		);
	table = table
		.addColumn('event', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('read_at', 'text');
	table = withCampaigns
		? table
				.addCheckConstraint(
					'notifications_event',
					sql`event in (${listOf([...sessionEvents, ...campaignEvents])})`
				)
				.addCheckConstraint(
					'notifications_subject',
					sql`(bell_session_id is null) <> (campaign_event_id is null)`
				)
				.addCheckConstraint(
					'notifications_campaign_event',
					sql`(campaign_event_id is not null) = (event in (${listOf(campaignEvents)}))`
				)
		: table.addCheckConstraint('notifications_event', sql`event in (${listOf(sessionEvents)})`);
	await table.execute();
}

async function rebuild(db: Kysely<any>, withCampaigns: boolean): Promise<void> {
	const columns = [
		'id',
		'user_id',
		'bell_session_id',
		'event',
		'actor_id',
		'created_at',
		'read_at'
	];
	await db.transaction().execute(async (trx) => {
		await createTable(trx, 'notifications_next', withCampaigns);
		let rows = trx.selectFrom('notifications').select(columns);
		// Going back, notifications about campaign events have nowhere to go.
		if (!withCampaigns) rows = rows.where('bell_session_id', 'is not', null);
		await trx.insertInto('notifications_next').columns(columns).expression(rows).execute();
		await trx.schema.dropTable('notifications').execute();
		await trx.schema.alterTable('notifications_next').renameTo('notifications').execute();
		// The inbox page (newest first) and the header's unread count read by user and read_at.
		await trx.schema
			.createIndex('notifications_user_read_created')
			.on('notifications')
			.columns(['user_id', 'read_at', 'created_at'])
			.execute();
	});
}

/** PostgreSQL: the column and the checks changed in place. */
async function alter(db: Kysely<any>, withCampaigns: boolean): Promise<void> {
	const table = () => db.schema.alterTable('notifications');
	if (withCampaigns) {
		await table()
			.addColumn('campaign_event_id', 'integer', (c) =>
				c.references('campaign_events.id').onDelete('cascade')
			)
			.execute();
		await table().dropConstraint('notifications_event').execute();
		await table()
			.addCheckConstraint(
				'notifications_event',
				sql`event in (${listOf([...sessionEvents, ...campaignEvents])})`
			)
			.execute();
		await table()
			.addCheckConstraint(
				'notifications_subject',
				sql`(bell_session_id is null) <> (campaign_event_id is null)`
			)
			.execute();
		await table()
			.addCheckConstraint(
				'notifications_campaign_event',
				sql`(campaign_event_id is not null) = (event in (${listOf(campaignEvents)}))`
			)
			.execute();
		return;
	}
	await db.deleteFrom('notifications').where('bell_session_id', 'is', null).execute();
	for (const name of [
		'notifications_campaign_event',
		'notifications_subject',
		'notifications_event'
	])
		await table().dropConstraint(name).execute();
	await table().dropColumn('campaign_event_id').execute();
	await table()
		.addCheckConstraint('notifications_event', sql`event in (${listOf(sessionEvents)})`)
		.execute();
}

const change = (db: Kysely<any>, withCampaigns: boolean) =>
	engineOf(db) === 'postgres' ? alter(db, withCampaigns) : rebuild(db, withCampaigns);

export async function up(db: Kysely<any>): Promise<void> {
	await change(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
	await change(db, false);
}
