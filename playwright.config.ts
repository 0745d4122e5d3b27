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

const port = 4173;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
	// The built app on its own fresh database, loaded with the demo district.
	webServer: {
		command: `npm run build && node scripts/e2e-server.ts`,
		port,
		timeout: 180_000,
		reuseExistingServer: false,
		env: {
			PORT: String(port),
			DATABASE_PATH: 'test-results/e2e.db',
			ORIGIN: `http://localhost:${port}`
		}
	}
});
