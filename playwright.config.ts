import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium when the machine has it (no browser downloads there); Playwright's own elsewhere.
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
	? {
			executablePath: systemChromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	: {};

// E2E_PORT lets several runs share a machine: each gets its own servers, databases and output.
// The app is served twice: on SQLite at E2E_PORT, on PostgreSQL at the next port (E2E_POSTGRES=0
// leaves that one out).
const port = Number(process.env.E2E_PORT ?? 4173);
const postgresPort = port + 1;
const withPostgres = process.env.E2E_POSTGRES !== '0';
const runDir = process.env.E2E_PORT ? `test-results/run-${port}` : 'test-results';
process.env.SERVER_LOG = `${runDir}/server.log`;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: `${runDir}/output`,
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [
		{
			name: 'chromium',
			testIgnore: /(directory|fuzz)\.spec\.ts/,
			use: { ...devices['Desktop Chrome'], launchOptions }
		},
		// These tests switch the current school year for a moment: after all the others.
		{
			name: 'chromium-after',
			testMatch: /directory\.spec\.ts/,
			dependencies: ['chromium'],
			use: { ...devices['Desktop Chrome'], launchOptions }
		},
		// Fuzzing writes at random: last of all, alone.
		{
			name: 'fuzz',
			testMatch: /fuzz\.spec\.ts/,
			dependencies: ['chromium-after']
		},
		// The authorization matrix, the handshake and attendance again, on PostgreSQL.
		...(withPostgres
			? [
					{
						name: 'postgres',
						testMatch: /(authorization|sessions|attendance)\.spec\.ts/,
						use: {
							...devices['Desktop Chrome'],
							launchOptions,
							baseURL: `http://localhost:${postgresPort}`
						}
					}
				]
			: [])
	],
	// The built app on its own fresh database, loaded with the demo district; then, once built,
	// the same app on PostgreSQL (Playwright starts the servers one after the other).
	webServer: [
		{
			command: `npm run build && node scripts/e2e-server.ts`,
			port,
			timeout: 180_000,
			reuseExistingServer: false,
			env: {
				PORT: String(port),
				DATABASE_PATH: `${runDir}/e2e.db`,
				SERVER_LOG: process.env.SERVER_LOG,
				ORIGIN: `http://localhost:${port}`,
				// Every test asks from this machine's one address: the public pages' limit per address
				// is for strangers, and is tested on its own (tests/unit/public-pages).
				PUBLIC_REQUESTS_PER_MINUTE: '100000'
			}
		},
		...(withPostgres
			? [
					{
						command: 'node scripts/e2e-server.ts',
						port: postgresPort,
						timeout: 120_000,
						reuseExistingServer: false,
						// Time to stop its PostgreSQL server and remove its folder.
						gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
						env: {
							E2E_ENGINE: 'postgres',
							PORT: String(postgresPort),
							SERVER_LOG: `${runDir}/server-postgres.log`,
							ORIGIN: `http://localhost:${postgresPort}`,
							PUBLIC_REQUESTS_PER_MINUTE: '100000'
						}
					}
				]
			: [])
	]
});
