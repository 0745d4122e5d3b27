// A tile map: one square-ish tile a place, in the directory's order, grouped (neighbourhoods by
// their area) into labelled blocks that flow in rows, right to left in Persian. It needs no
// outlines, so every district has a map from the start.

export const TILE = { width: 132, height: 64, gap: 6 };
const GROUP_LABEL = 26;
const GROUP_PADDING = 8;
const GROUP_GAP = 16;
const MAX_WIDTH = 900;

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface TileLayout {
	width: number;
	height: number;
	tiles: (Box & { id: number })[];
	groups: (Box & { id: number; label: string })[];
}

interface Group {
	id: number;
	label: string | null;
	ids: number[];
}

function gridOf(count: number): { cols: number; rows: number } {
	const cols = Math.max(1, Math.min(count, Math.ceil(Math.sqrt(count * 1.5))));
	return { cols, rows: Math.ceil(count / cols) };
}

/** Tiles of places in `groups` (a group without a label is drawn without a block around it). */
export function layoutTiles(groups: Group[], rtl: boolean): TileLayout {
	const { width: w, height: h, gap } = TILE;
	const blocks = groups.map((group) => {
		const { cols, rows } = gridOf(group.ids.length);
		const inset = group.label === null ? 0 : GROUP_PADDING;
		const top = group.label === null ? 0 : GROUP_LABEL;
		return {
			group,
			cols,
			inset,
			top,
			width: cols * w + (cols - 1) * gap + 2 * inset,
			height: top + rows * h + (rows - 1) * gap + 2 * inset
		};
	});
	// A single block without a label (places not grouped) may be as wide as it needs.
	const rowLimit = Math.max(MAX_WIDTH, ...blocks.map((b) => b.width));
	const tiles: TileLayout['tiles'] = [];
	const boxes: TileLayout['groups'] = [];
	let x = 0;
	let y = 0;
	let rowHeight = 0;
	let width = 0;
	for (const block of blocks) {
		if (x > 0 && x + block.width > rowLimit) {
			x = 0;
			y += rowHeight + GROUP_GAP;
			rowHeight = 0;
		}
		if (block.group.label !== null)
			boxes.push({
				id: block.group.id,
				label: block.group.label,
				x,
				y,
				width: block.width,
				height: block.height
			});
		block.group.ids.forEach((id, i) => {
			const col = i % block.cols;
			const row = Math.floor(i / block.cols);
			tiles.push({
				id,
				x: x + block.inset + col * (w + gap),
				y: y + block.top + block.inset + row * (h + gap),
				width: w,
				height: h
			});
		});
		x += block.width + GROUP_GAP;
		width = Math.max(width, x - GROUP_GAP);
		rowHeight = Math.max(rowHeight, block.height);
	}
	const height = y + rowHeight;
	const mirror = <T extends Box>(box: T): T =>
		rtl ? { ...box, x: width - box.x - box.width } : box;
	return { width, height, tiles: tiles.map(mirror), groups: boxes.map(mirror) };
}
