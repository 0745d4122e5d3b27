import { sql, type Kysely } from 'kysely';
import {
	clockTimeCheck,
	isoDateCheck,
	matchesGlob,
	numberedKey
} from '../src/lib/server/db/dialect.ts';

// Sunday campaigns: a series at one centre (its rule: first and last date, weekday, start time,
// duration) and its dated events. Dates the user dropped when planning the series are kept as
// comma-separated ISO dates, so a later change of the rule does not bring them back. Each event
// remembers the date the rule made it for (`rule_date`, null for a date added by hand) and
// whether someone changed it by hand (`touched`): a rule change regenerates only future events
// nobody touched. An event on a day later closed is flagged (`needs_attention`) with the closure.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('campaigns')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('center_id', 'integer', (c) => c.notNull().references('centers.id'))
		.addColumn('school_year_id', 'integer', (c) => c.references('school_years.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
		.addColumn('audience', 'text', (c) => c.notNull())
		.addColumn('first_date', 'text', (c) => c.notNull())
		.addColumn('last_date', 'text', (c) => c.notNull())
		// 0 = Sunday ... 6 = Saturday.
		.addColumn('weekday', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('start_time', 'text', (c) => c.notNull())
		.addColumn('duration_minutes', 'integer', (c) => c.notNull())
		.addColumn('place', 'text')
		.addColumn('facilitator_id', 'integer', (c) => c.references('facilitators.id'))
		.addColumn('note', 'text')
		.addColumn('dropped_dates', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('campaigns_title', sql`title <> ''`)
		.addCheckConstraint(
			'campaigns_audience',
			sql`audience in ('public', 'adults', 'youth', 'children', 'families')`
		)
		.addCheckConstraint('campaigns_first_date', isoDateCheck(db, 'first_date'))
		.addCheckConstraint('campaigns_last_date', isoDateCheck(db, 'last_date'))
		.addCheckConstraint('campaigns_order', sql`first_date <= last_date`)
		.addCheckConstraint('campaigns_weekday', sql`weekday between 0 and 6`)
		.addCheckConstraint('campaigns_start_time', clockTimeCheck(db, 'start_time'))
		.addCheckConstraint('campaigns_duration', sql`duration_minutes between 1 and 1440`)
		.addCheckConstraint(
			'campaigns_dropped_dates',
			sql`dropped_dates = '' or ${matchesGlob(db, 'dropped_dates', '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*')}`
		)
		.execute();
	await db.schema
		.createIndex('campaigns_center_first')
		.on('campaigns')
		.columns(['center_id', 'first_date'])
		.execute();

	await db.schema
		.createTable('campaign_events')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('campaign_id', 'integer', (c) =>
			c.notNull().references('campaigns.id').onDelete('cascade')
		)
		.addColumn('rule_date', 'text')
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('start_time', 'text', (c) => c.notNull())
		.addColumn('duration_minutes', 'integer', (c) => c.notNull())
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('place', 'text')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
		.addColumn('touched', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('needs_attention', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('attention_closure_id', 'integer', (c) =>
			c.references('closures.id').onDelete('set null')
		)
		.addColumn('cancel_reason', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('campaign_events_status', sql`status in ('scheduled', 'cancelled', 'held')`)
		.addCheckConstraint('campaign_events_date', isoDateCheck(db, 'date'))
		.addCheckConstraint(
			'campaign_events_rule_date',
			sql`rule_date is null or ${isoDateCheck(db, 'rule_date')}`
		)
		.addCheckConstraint('campaign_events_start_time', clockTimeCheck(db, 'start_time'))
		.addCheckConstraint('campaign_events_duration', sql`duration_minutes between 1 and 1440`)
		.addCheckConstraint('campaign_events_order', sql`starts_at < ends_at`)
		.addCheckConstraint('campaign_events_touched', sql`touched in (0, 1)`)
		// A date added by hand was never made by the rule.
		.addCheckConstraint('campaign_events_added_by_hand', sql`rule_date is not null or touched = 1`)
		.addCheckConstraint(
			'campaign_events_attention',
			sql`needs_attention in (0, 1) and (needs_attention = 0 or status = 'scheduled')`
		)
		.addCheckConstraint(
			'campaign_events_attention_closure',
			sql`attention_closure_id is null or needs_attention = 1`
		)
		.addCheckConstraint(
			'campaign_events_cancel_reason',
			sql`(status = 'cancelled') = (cancel_reason is not null and cancel_reason <> '')`
		)
		.execute();
	// One event a day per campaign; the calendar and the feeds read by date.
	await db.schema
		.createIndex('campaign_events_campaign_date')
		.on('campaign_events')
		.columns(['campaign_id', 'date'])
		.unique()
		.execute();
	await db.schema
		.createIndex('campaign_events_date')
		.on('campaign_events')
		.column('date')
		.execute();
	await db.schema
		.createIndex('campaign_events_attention_closure')
		.on('campaign_events')
		.column('attention_closure_id')
		.where(sql.ref('attention_closure_id'), 'is not', null)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('campaign_events').execute();
	await db.schema.dropTable('campaigns').execute();
}
