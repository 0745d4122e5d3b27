import { sql, type Kysely } from 'kysely';
import { numberedKey } from '../src/lib/server/db/dialect.ts';

// Two things the public neighbourhood pages and the coverage map need.
//
// rate_limit_hits: requests counted per address in fixed windows, shared by every worker process
// (memory would count each process apart). The key holds a hash of the address, never the
// address, and a row is dropped once its window has passed.
//
// place_boundaries: the outline of a neighbourhood or an area, as an admin uploaded it (GeoJSON,
// longitude/latitude, simplified), one row a place. A district's upload of one level replaces that
// level's rows.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('rate_limit_hits')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_start', 'text', (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.addCheckConstraint('rate_limit_hits_positive', sql`hits > 0`)
		.execute();
	await db.schema
		.createIndex('rate_limit_hits_window')
		.on('rate_limit_hits')
		.column('window_start')
		.execute();

	await db.schema
		.createTable('place_boundaries')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('district_id', 'integer', (c) =>
			c.notNull().references('districts.id').onDelete('cascade')
		)
		.addColumn('level', 'text', (c) => c.notNull())
		.addColumn('neighborhood_id', 'integer', (c) =>
			c.references('neighborhoods.id').onDelete('cascade').unique()
		)
		.addColumn('area_id', 'integer', (c) => c.references('areas.id').onDelete('cascade').unique())
		.addColumn('geometry', 'text', (c) => c.notNull())
		.addColumn('uploaded_at', 'text', (c) => c.notNull())
		.addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addCheckConstraint(
			'place_boundaries_one_place',
			sql`(level = 'neighborhood' and neighborhood_id is not null and area_id is null) or (level = 'area' and area_id is not null and neighborhood_id is null)`
		)
		.execute();
	await db.schema
		.createIndex('place_boundaries_district_level')
		.on('place_boundaries')
		.columns(['district_id', 'level'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('place_boundaries').execute();
	await db.schema.dropTable('rate_limit_hits').execute();
}
