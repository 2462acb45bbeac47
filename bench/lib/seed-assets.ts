/**
 * Many assets in the bootstrap media hub, written through the domain into the data Decibel is then
 * started on: there is no bulk ingestion, and ingesting that many files over HTTP would take longer than
 * the benchmark itself. recordAsset writes each asset and its search index entry as ingestion does; blob
 * keys are made up (searching reads no bytes).
 */
import pg from 'pg';
import { bootstrap } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { recordAsset, type NewAsset } from '../../src/domain/media/assets.js';
import { createAssetFolder } from '../../src/domain/media/media.js';
import type { AssetType } from '../../src/domain/model.js';
import type { Deps } from '../../src/domain/ports.js';
import { inTransaction } from '../../src/domain/transaction.js';
import { closeDeps, openDeps } from '../../src/server.js';

const COLOURS = ['blue', 'green', 'black', 'white', 'grey', 'navy', 'olive', 'teal', 'amber', 'ivory', 'pink', 'purple', 'orange', 'yellow', 'brown', 'beige', 'cream', 'gold', 'silver', 'coral'];
/** One asset in a hundred has one of these, so that `red*` finds 1%. */
const REDS = ['red', 'redwood', 'reddish'];
const PRODUCTS = ['bag', 'chair', 'shoe', 'dress', 'jacket', 'lamp', 'table', 'watch', 'hat', 'scarf', 'sofa', 'mug', 'shirt', 'boot', 'belt', 'rug', 'vase', 'desk', 'coat', 'skirt', 'glove', 'sock', 'bench', 'clock', 'mirror'];
const TAGS = ['summer', 'winter', 'sale', 'new', 'hero', 'banner', 'lifestyle', 'packshot', 'catalogue', 'archive', 'campaign', 'social'];
/** File kinds and how many in a hundred assets are of each. */
const KINDS: { mimeType: string; type: AssetType; extension: string; share: number }[] = [
  { mimeType: 'image/jpeg', type: 'IMAGE', extension: 'jpg', share: 60 },
  { mimeType: 'image/png', type: 'IMAGE', extension: 'png', share: 25 },
  { mimeType: 'application/pdf', type: 'DOCUMENT', extension: 'pdf', share: 10 },
  { mimeType: 'video/mp4', type: 'VIDEO', extension: 'mp4', share: 5 },
];
const FOLDERS = 40;
/** Assets written per transaction. */
const BATCH = 5_000;
/** Updated dates spread over two years before this, in no particular order of the assets. */
const NEWEST = Date.parse('2026-11-01T00:00:00Z');
const SPAN = 2 * 365 * 24 * 3600 * 1000;

/** mulberry32: the same assets on every run. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeededAssets {
  /** The folders' raw ids, and how many assets each holds. */
  folders: { id: string; assets: number }[];
  /** How many assets have each word in their labels (`red` counts every word starting with "red"). */
  words: Map<string, number>;
  seconds: number;
}

/** Writes `count` assets into the store Decibel would open with `env` (creating the bootstrap data first). */
export async function seedAssets(env: Record<string, string>, count: number): Promise<SeededAssets> {
  const started = performance.now();
  const config = loadConfig(env);
  const deps = await openDeps(config);
  const seeded: SeededAssets = { folders: [], words: new Map(), seconds: 0 };
  try {
    await bootstrap(deps, config);
    const hub = (await deps.store.media.getHubByName(config.bootstrap.hubName))!;
    const repositoryId = (await deps.store.media.listRepositories(hub.id, 0, 1)).items[0]!.id;
    for (let f = 0; f < FOLDERS; f++) {
      seeded.folders.push({ id: (await createAssetFolder(deps, { repositoryId, label: `Campaign ${f + 1}`, parentId: null })).id, assets: 0 });
    }
    const random = randomSource(5);
    // recordAsset dates an asset by the clock; each asset gets its own date.
    let date = '';
    const seeding: Deps = { ...deps, clock: { now: () => date } };
    for (let start = 0; start < count; start += BATCH) {
      await inTransaction(seeding, async (tx) => {
        for (let i = start; i < Math.min(start + BATCH, count); i++) {
          date = new Date(NEWEST - Math.floor(random() * SPAN)).toISOString();
          await recordAsset(tx, newAsset(i, repositoryId, random, seeded));
        }
      });
    }
  } finally {
    await closeDeps(deps);
  }
  if (config.databaseUrl) await vacuumAnalyze(config.databaseUrl);
  return { ...seeded, seconds: (performance.now() - started) / 1000 };
}

/** The `i`th asset, counted into `seeded`'s folders and words. */
function newAsset(i: number, repositoryId: string, random: () => number, seeded: SeededAssets): NewAsset {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const colour = i % 100 === 0 ? pick(REDS) : pick(COLOURS);
  const product = pick(PRODUCTS);
  const share = random() * 100;
  let below = 0;
  const kind = KINDS.find((k) => share < (below += k.share)) ?? KINDS[0]!;
  const folder = random() < 0.1 ? undefined : pick(seeded.folders);
  if (folder) folder.assets++;
  for (const word of [colour.startsWith('red') ? 'red' : colour, product]) seeded.words.set(word, (seeded.words.get(word) ?? 0) + 1);
  const name = `${product}-${colour}-${String(i).padStart(6, '0')}`;
  return {
    repositoryId,
    folderId: folder?.id ?? null,
    name,
    label: `${colour[0]!.toUpperCase()}${colour.slice(1)} ${product} ${i}`,
    type: kind.type,
    filename: `${name}.${kind.extension}`,
    mimeType: kind.mimeType,
    size: 10_000 + Math.floor(random() * 5_000_000),
    width: kind.type === 'IMAGE' ? 2000 : null,
    height: kind.type === 'IMAGE' ? 1500 : null,
    tags: [...new Set([pick(TAGS), pick(TAGS)])],
    blobKey: `bench/${name}`,
  };
}

/**
 * What autovacuum does within a minute or so of a bulk import: without statistics PostgreSQL's plans for
 * a keyword are ten times slower, and without a visibility map a count cannot be answered from an index.
 * SQLite gets nothing of the kind: Decibel never runs ANALYZE there.
 */
async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE assets, asset_search');
  } finally {
    await client.end();
  }
}
