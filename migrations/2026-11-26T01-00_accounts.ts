import { sql, type Kysely } from 'kysely';
import { numberedKey, bytesType } from '../src/lib/server/db/dialect.ts';

// Accounts, their scopes, sign-in sessions (Lucia-style: only a hash of the secret) and the audit log.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('admin', 'center_manager', 'school_staff', 'liaison')`)
		)
		.addColumn('school_id', 'integer', (c) => c.references('schools.id'))
		.addColumn('locale', 'text', (c) =>
			c
				.notNull()
				.defaultTo('fa')
				.check(sql`locale in ('fa', 'en')`)
		)
		.addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'users_school_only_for_staff',
			sql`(role = 'school_staff') = (school_id is not null)`
		)
		.execute();

	await db.schema
		.createTable('user_districts')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addPrimaryKeyConstraint('user_districts_pk', ['user_id', 'district_id'])
		.execute();

	await db.schema
		.createTable('user_centers')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('center_id', 'integer', (c) => c.notNull().references('centers.id'))
		.addPrimaryKeyConstraint('user_centers_pk', ['user_id', 'center_id'])
		.execute();

	await db.schema
		.createTable('user_sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('secret_hash', bytesType(db), (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('user_sessions_user_id_index')
		.on('user_sessions')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', numberedKey(db))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer', (c) => c.references('users.id'))
		.addColumn('ip', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text')
		.addColumn('entity_id', 'integer')
		// Who or what the entry is about when there is no record, e.g. the email of a failed sign-in.
		.addColumn('subject', 'text')
		.addColumn('before', 'text')
		.addColumn('after', 'text')
		.addColumn('reason', 'text')
		.execute();
	await db.schema.createIndex('audit_log_at_index').on('audit_log').column('at').execute();
	await db.schema
		.createIndex('audit_log_action_subject_index')
		.on('audit_log')
		.columns(['action', 'subject', 'at'])
		.execute();
	await db.schema
		.createIndex('audit_log_action_ip_index')
		.on('audit_log')
		.columns(['action', 'ip', 'at'])
		.execute();
	await db.schema
		.createIndex('audit_log_entity_index')
		.on('audit_log')
		.columns(['entity_type', 'entity_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['audit_log', 'user_sessions', 'user_centers', 'user_districts', 'users']) {
		await db.schema.dropTable(table).execute();
	}
}
