// See https://svelte.dev/docs/kit/types#app.d.ts
import type { AuthUser } from '$lib/server/auth/guard';

declare global {
	namespace App {
		interface Locals {
			user: AuthUser | null;
			sessionId: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
