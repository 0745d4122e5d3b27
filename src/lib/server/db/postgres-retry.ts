import type {
	CompiledQuery,
	DatabaseConnection,
	Driver,
	QueryCompiler,
	QueryResult,
	TransactionSettings
} from 'kysely';

// PostgreSQL runs transactions side by side and, at the serializable level every connection uses,
// refuses one that could not have run one after the other (40001), or breaks a deadlock (40P01).
// Nothing of the refused one is kept, so it can be run again. A statement run on its own (outside a
// transaction) is retried here, where nobody sees it; a transaction is run again whole by
// inTransaction (transaction.ts), which alone knows the work it did.

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * The engine refused the transaction because of another running at the same time: PostgreSQL's
 * serialization failure or deadlock, or SQLite still busy with another process's write after its
 * busy timeout (several workers on one file).
 */
export function isConcurrencyFailure(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && (RETRYABLE.has(code) || code.startsWith('SQLITE_BUSY'));
}

export const MAX_ATTEMPTS = 12;

/** A random pause growing with the attempt (1-based), so that two retries do not meet again. */
export function backOff(attempt: number): Promise<void> {
	const ms = Math.random() * Math.min(200, 2 ** attempt);
	return new Promise((resolve) => setTimeout(resolve, ms));
}

class RetryingConnection implements DatabaseConnection {
	inTransaction = false;
	readonly inner: DatabaseConnection;

	constructor(inner: DatabaseConnection) {
		this.inner = inner;
	}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.inner.executeQuery<R>(query);
			} catch (error) {
				if (this.inTransaction || !isConcurrencyFailure(error) || attempt >= MAX_ATTEMPTS)
					throw error;
				await backOff(attempt);
			}
		}
	}

	streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
		return this.inner.streamQuery<R>(query, chunkSize);
	}
}

/** Kysely's PostgreSQL driver, its connections retrying statements run outside a transaction. */
export class RetryingPostgresDriver implements Driver {
	readonly #connections = new WeakMap<DatabaseConnection, RetryingConnection>();
	readonly inner: Driver;

	constructor(inner: Driver) {
		this.inner = inner;
	}

	init(): Promise<void> {
		return this.inner.init();
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		const inner = await this.inner.acquireConnection();
		let connection = this.#connections.get(inner);
		if (!connection) {
			connection = new RetryingConnection(inner);
			this.#connections.set(inner, connection);
		}
		return connection;
	}

	async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
		const retrying = connection as RetryingConnection;
		await this.inner.beginTransaction(retrying.inner, settings);
		retrying.inTransaction = true;
	}

	async commitTransaction(connection: DatabaseConnection) {
		const retrying = connection as RetryingConnection;
		try {
			await this.inner.commitTransaction(retrying.inner);
		} finally {
			retrying.inTransaction = false;
		}
	}

	async rollbackTransaction(connection: DatabaseConnection) {
		const retrying = connection as RetryingConnection;
		try {
			await this.inner.rollbackTransaction(retrying.inner);
		} finally {
			retrying.inTransaction = false;
		}
	}

	savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
		return this.inner.savepoint!((connection as RetryingConnection).inner, name, compile);
	}

	rollbackToSavepoint(
		connection: DatabaseConnection,
		name: string,
		compile: QueryCompiler['compileQuery']
	) {
		return this.inner.rollbackToSavepoint!((connection as RetryingConnection).inner, name, compile);
	}

	releaseSavepoint(
		connection: DatabaseConnection,
		name: string,
		compile: QueryCompiler['compileQuery']
	) {
		return this.inner.releaseSavepoint!((connection as RetryingConnection).inner, name, compile);
	}

	releaseConnection(connection: DatabaseConnection): Promise<void> {
		return this.inner.releaseConnection((connection as RetryingConnection).inner);
	}

	destroy(): Promise<void> {
		return this.inner.destroy();
	}
}
