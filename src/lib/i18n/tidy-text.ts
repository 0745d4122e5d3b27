// Names as people type them on Arabic keyboards, stored the Persian way: ي/ى → ی, ك → ک,
// Arabic-Indic digits → Persian digits, runs of spaces → one space. Search keys are separate.

export function tidyText(text: string): string {
	return text
		.replace(/[يى]/g, 'ی')
		.replace(/ك/g, 'ک')
		.replace(/[٠-٩]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0660 + 0x06f0))
		.replace(/\s+/g, ' ')
		.trim();
}

/** Optional text: empty becomes null. */
export function tidyOptional(text: string): string | null {
	const tidy = tidyText(text);
	return tidy === '' ? null : tidy;
}
