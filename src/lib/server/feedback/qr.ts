import { toString } from 'qrcode';

// A QR code of an address as an SVG image in a data: address, so pages show it with <img> (and
// an alt text) under the strict content security policy, and it prints sharp at any size.
export async function qrCodeDataUrl(address: string): Promise<string> {
	const svg = await toString(address, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
