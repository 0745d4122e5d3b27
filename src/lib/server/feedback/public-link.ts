import type { DB } from '../db/connect.ts';
import { feedbackLinkFor } from './links.ts';
import { qrCodeDataUrl } from './qr.ts';
import type { FeedbackSubject } from './subject.ts';

export interface PublicFeedbackLink {
	link_id: number;
	/** The full address participants open, e.g. https://example.org/f/3kT9xQ2mLp7B. */
	address: string;
	/** Its QR code as an SVG data: address. */
	qr: string;
}

/** The subject's public form address and QR code, the link made now if it has none. */
export async function publicFeedbackLink(
	db: DB,
	subject: FeedbackSubject,
	origin: string,
	now = new Date()
): Promise<PublicFeedbackLink> {
	const link = await feedbackLinkFor(db, subject, now);
	// Persian is the participants' default; the form itself offers English.
	const address = `${origin}/f/${link.token}`;
	return { link_id: link.id, address, qr: await qrCodeDataUrl(address) };
}
