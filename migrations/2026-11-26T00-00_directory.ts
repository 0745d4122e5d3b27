import { sql, type Kysely } from 'kysely';
import { numberedKey } from '../src/lib/server/db/dialect.ts';

// The district's directory: where the programme happens and who it reaches.
// Dates are 'YYYY-MM-DD' (Gregorian) text; instants are UTC ISO-8601 text.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('districts')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('name_fa', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('city_fa', 'text', (c) => c.notNull())
		.addColumn('city_en', 'text', (c) => c.notNull())
		.addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Asia/Tehran'))
		.execute();

	await db.schema
		.createTable('areas')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('name_fa', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addUniqueConstraint('areas_district_number_unique', ['district_id', 'number'])
		.execute();

	await db.schema
		.createTable('neighborhoods')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('area_id', 'integer', (c) => c.notNull().references('areas.id'))
		.addColumn('name_fa', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('neighborhoods_area_id_index')
		.on('neighborhoods')
		.column('area_id')
		.execute();

	await db.schema
		.createTable('centers')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('neighborhood_id', 'integer', (c) => c.notNull().references('neighborhoods.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('address', 'text')
		.addColumn('phone', 'text')
		.execute();
	await db.schema
		.createIndex('centers_neighborhood_id_index')
		.on('centers')
		.column('neighborhood_id')
		.execute();

	await db.schema
		.createTable('schools')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('ministry_code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) =>
			c.notNull().check(sqlIn('level', ['primary', 'lower_secondary', 'upper_secondary']))
		)
		.addColumn('gender', 'text', (c) => c.notNull().check(sqlIn('gender', ['boys', 'girls'])))
		.addColumn('neighborhood_id', 'integer', (c) => c.notNull().references('neighborhoods.id'))
		.addColumn('address', 'text')
		.addColumn('principal_name', 'text')
		.addColumn('phone', 'text')
		.execute();
	await db.schema
		.createIndex('schools_neighborhood_id_index')
		.on('schools')
		.column('neighborhood_id')
		.execute();

	// Enrolment is a head count per grade (1-12); never names of students.
	await db.schema
		.createTable('school_enrolments')
		.addColumn('school_id', 'integer', (c) =>
			c.notNull().references('schools.id').onDelete('cascade')
		)
		.addColumn('grade', 'integer', (c) => c.notNull().check(rawCheck('grade between 1 and 12')))
		.addColumn('students', 'integer', (c) => c.notNull().check(rawCheck('students >= 0')))
		.addPrimaryKeyConstraint('school_enrolments_pk', ['school_id', 'grade'])
		.execute();

	await db.schema
		.createTable('school_years')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('label', 'text', (c) => c.notNull().unique())
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		.addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
		.addCheckConstraint('school_years_dates_check', rawCheck('starts_on < ends_on'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'school_years',
		'school_enrolments',
		'schools',
		'centers',
		'neighborhoods',
		'areas',
		'districts'
	]) {
		await db.schema.dropTable(table).execute();
	}
}

function rawCheck(expression: string) {
	return sql.raw(expression);
}

function sqlIn(column: string, values: string[]) {
	return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
