import { sql, type Kysely } from 'kysely';

// At most one current school year, as a database rule and not only a service rule.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('school_years_one_current')
		.on('school_years')
		.column('is_current')
		.unique()
		.where(sql.ref('is_current'), '=', 1)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('school_years_one_current').execute();
}
