// Persian (۰-۹) and Arabic-Indic (٠-٩) digits to Latin, so input in any of them is read alike.
export function toLatinDigits(text: string): string {
	return text.replace(/[۰-۹٠-٩]/g, (d) => {
		const code = d.charCodeAt(0);
		return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
	});
}

/** Latin digits to Persian ones, for text that is shown in Persian. */
export function toPersianDigits(text: string): string {
	return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}
