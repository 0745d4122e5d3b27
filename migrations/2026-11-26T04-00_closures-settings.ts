import { sql, type Kysely } from 'kysely';
import { clockTimeCheck, isoDateCheck, numberedKey } from '../src/lib/server/db/dialect.ts';

// Closures (official holidays, exam periods, one school's or one centre's closed days) and each
// district's settings. The kind/target rules are checked here too, so no writer can break them.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('closures')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('school_id', 'integer', (c) => c.references('schools.id'))
		.addColumn('center_id', 'integer', (c) => c.references('centers.id'))
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		.addColumn('name_fa', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('closures_kind', sql`kind in ('holiday', 'exam', 'school', 'center')`)
		.addCheckConstraint('closures_school_target', sql`(kind = 'school') = (school_id is not null)`)
		.addCheckConstraint('closures_center_target', sql`(kind = 'center') = (center_id is not null)`)
		.addCheckConstraint('closures_starts_on_date', isoDateCheck(db, 'starts_on'))
		.addCheckConstraint('closures_ends_on_date', isoDateCheck(db, 'ends_on'))
		.addCheckConstraint('closures_order', sql`starts_on <= ends_on`)
		.addCheckConstraint('closures_names', sql`name_fa <> '' and name_en <> ''`)
		.execute();
	await db.schema
		.createIndex('closures_district_starts')
		.on('closures')
		.columns(['district_id', 'starts_on'])
		.execute();
	await db.schema
		.createIndex('closures_school')
		.on('closures')
		.columns(['school_id', 'starts_on'])
		.where(sql.ref('school_id'), 'is not', null)
		.execute();
	await db.schema
		.createIndex('closures_center')
		.on('closures')
		.columns(['center_id', 'starts_on'])
		.where(sql.ref('center_id'), 'is not', null)
		.execute();

	await db.schema
		.createTable('settings')
		.addColumn('district_id', 'integer', (c) => c.primaryKey().references('districts.id'))
		.addColumn('school_day_starts', 'text', (c) => c.notNull().defaultTo('07:30'))
		.addColumn('school_day_ends', 'text', (c) => c.notNull().defaultTo('13:30'))
		.addColumn('response_deadline_days', 'integer', (c) => c.notNull().defaultTo(3))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('settings_day_starts_time', clockTimeCheck(db, 'school_day_starts'))
		.addCheckConstraint('settings_day_ends_time', clockTimeCheck(db, 'school_day_ends'))
		.addCheckConstraint('settings_day_order', sql`school_day_starts < school_day_ends`)
		.addCheckConstraint('settings_deadline_days', sql`response_deadline_days between 1 and 30`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('settings').execute();
	await db.schema.dropTable('closures').execute();
}
