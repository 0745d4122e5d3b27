import { sql, type Kysely } from 'kysely';
import { numberedKey } from '../src/lib/server/db/dialect.ts';

// Directory management: search keys, versions for concurrent edits, the topic catalogue,
// facilitators, and the "one school per neighbourhood" pairings, enforced by unique indexes.

// Frozen copy of src/lib/search/normalize.ts as it was when this migration was written:
// migrations never import the app, so they keep meaning the same thing.
function searchKey(text: string): string {
	const letters: Record<string, string> = {
		ي: 'ی',
		ى: 'ی',
		ئ: 'ی',
		ك: 'ک',
		أ: 'ا',
		إ: 'ا',
		آ: 'ا',
		ٱ: 'ا',
		ؤ: 'و',
		ة: 'ه',
		ۀ: 'ه'
	};
	return text
		.normalize('NFC')
		.replace(/[۰-۹٠-٩]/g, (d) => {
			const code = d.charCodeAt(0);
			return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
		})
		.toLowerCase()
		.replace(/[\u064B-\u065F\u0670\u0640]/g, '')
		.replace(/[يىئكأإآٱؤةۀ]/g, (c) => letters[c] ?? c)
		.replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\u00AD]+/g, '');
}

const searchable = [
	{ table: 'neighborhoods', source: (r: any) => `${r.name_fa} ${r.name_en}` },
	{ table: 'centers', source: (r: any) => r.name },
	{ table: 'schools', source: (r: any) => `${r.name} ${r.ministry_code}` }
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['areas', 'neighborhoods', 'centers', 'schools', 'school_years']) {
		await db.schema
			.alterTable(table)
			.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
			.execute();
	}
	for (const { table, source } of searchable) {
		await db.schema
			.alterTable(table)
			.addColumn('name_search', 'text', (c) => c.notNull().defaultTo(''))
			.execute();
		for (const row of await db.selectFrom(table).selectAll().execute()) {
			await db
				.updateTable(table)
				.set({ name_search: searchKey(source(row)) })
				.where('id', '=', row.id)
				.execute();
		}
	}

	await db.schema
		.createTable('topics')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name_fa', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('for_students', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('for_parents', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('for_teachers', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('facilitators')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('name_search', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('organization', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`organization in ('welfare', 'police', 'counselling', 'health', 'education', 'ngo', 'other')`
				)
		)
		.addColumn('phone', 'text')
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('facilitators_district_id_index')
		.on('facilitators')
		.column('district_id')
		.execute();

	await db.schema
		.createTable('facilitator_topics')
		.addColumn('facilitator_id', 'integer', (c) =>
			c.notNull().references('facilitators.id').onDelete('cascade')
		)
		.addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
		.addPrimaryKeyConstraint('facilitator_topics_pk', ['facilitator_id', 'topic_id'])
		.execute();

	await db.schema
		.createTable('pairings')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_years.id'))
		.addColumn('neighborhood_id', 'integer', (c) => c.notNull().references('neighborhoods.id'))
		.addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	// The rule itself: one school per neighbourhood, one neighbourhood per school, each year.
	await db.schema
		.createIndex('pairings_year_neighborhood_unique')
		.on('pairings')
		.columns(['school_year_id', 'neighborhood_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('pairings_year_school_unique')
		.on('pairings')
		.columns(['school_year_id', 'school_id'])
		.unique()
		.execute();
	await db.schema
		.createIndex('pairings_school_id_index')
		.on('pairings')
		.column('school_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['pairings', 'facilitator_topics', 'facilitators', 'topics']) {
		await db.schema.dropTable(table).execute();
	}
	for (const { table } of searchable) {
		await db.schema.alterTable(table).dropColumn('name_search').execute();
	}
	for (const table of ['areas', 'neighborhoods', 'centers', 'schools', 'school_years']) {
		await db.schema.alterTable(table).dropColumn('version').execute();
	}
}
