/**
 * The content item search index, one implementation per dialect (the only place the dialects' queries
 * differ): kept in step with every write to an item, and turning one search term into a predicate on
 * `content_items.id`.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ContentItem } from '../../domain/model.js';
import type { Database } from '../schema.js';

export interface IndexedText {
  label: string;
  /** Everything searchable, label included. */
  text: string;
}

export interface TextTerm {
  /** `label` searches the label only; `text` the whole item. */
  column: 'label' | 'text';
  value: string;
  /** The value must appear as written, not only its words. */
  exact: boolean;
}

export interface SearchIndex {
  write(db: Kysely<Database>, itemId: string, text: IndexedText): Promise<void>;
  /** `content_items.id IN (items whose column holds the term)`. */
  matches(term: TextTerm): Expression<SqlBool>;
}

function strings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const entry of value) strings(entry, into);
  else if (value !== null && typeof value === 'object') for (const entry of Object.values(value)) strings(entry, into);
  return into;
}

/** What the index holds for an item: its label, and its label with every string in its body. */
export function indexedText(item: ContentItem): IndexedText {
  return { label: item.label, text: [item.label, ...strings(item.body, [])].join('\n') };
}

/** `%value%` for LIKE, with LIKE's own characters taken literally (escaped with `\`). */
const containing = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const sqliteSearchIndex: SearchIndex = {
  async write(db, itemId, { label, text }) {
    await sql`DELETE FROM content_item_search WHERE item_id = ${itemId}`.execute(db);
    await sql`INSERT INTO content_item_search (item_id, label, text) VALUES (${itemId}, ${label}, ${text})`.execute(db);
  },
  matches({ column, value, exact }) {
    // An FTS5 phrase in the column: the value's words in order (a quote inside is written twice).
    const phrase = `${column} : "${value.replace(/"/g, '""')}"`;
    const literal = exact ? sql` AND lower(${sql.ref(column)}) LIKE ${containing(value)} ESCAPE '\\'` : sql``;
    return sql<SqlBool>`content_items.id IN (SELECT item_id FROM content_item_search WHERE content_item_search MATCH ${phrase}${literal})`;
  },
};

export const postgresSearchIndex: SearchIndex = {
  async write(db, itemId, { label, text }) {
    await sql`INSERT INTO content_item_search (item_id, label, text, label_doc, text_doc)
      VALUES (${itemId}, ${label}, ${text}, to_tsvector('simple', ${label}), to_tsvector('simple', ${text}))
      ON CONFLICT (item_id) DO UPDATE SET label = EXCLUDED.label, text = EXCLUDED.text,
        label_doc = EXCLUDED.label_doc, text_doc = EXCLUDED.text_doc`.execute(db);
  },
  matches({ column, value, exact }) {
    const doc = sql.ref(`${column}_doc`);
    const literal = exact ? sql` AND lower(${sql.ref(column)}) LIKE ${containing(value)}` : sql``;
    return sql<SqlBool>`content_items.id IN (SELECT item_id FROM content_item_search WHERE ${doc} @@ phraseto_tsquery('simple', ${value})${literal})`;
  },
};

/** Assets' words: an FTS5 table on SQLite, a tsvector on PostgreSQL (migration 010). */
export interface AssetSearchIndex {
  write(db: Kysely<Database>, assetId: string, text: string): Promise<void>;
  /** `assets.id IN (assets holding every word of one of the groups)`; a word may be a prefix. */
  matches(groups: { word: string; prefix: boolean }[][]): Expression<SqlBool>;
}

/** The word characters both engines index (a word keeps its inner `-` and `_`). */
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}_-]+/gu) ?? [];

export const sqliteAssetSearchIndex: AssetSearchIndex = {
  async write(db, assetId, text) {
    // Found through the index (a MATCH on the asset_id column), not by reading every entry.
    await sql`DELETE FROM asset_search WHERE asset_search MATCH ${`asset_id : "${assetId.replace(/"/g, '""')}"`}`.execute(db);
    await sql`INSERT INTO asset_search (asset_id, text) VALUES (${assetId}, ${text})`.execute(db);
  },
  matches(groups) {
    const expression = groups
      .map((group) => `(${group.flatMap(({ word, prefix }) => words(word).map((w) => `"${w}"${prefix ? '*' : ''}`)).join(' AND ') || '""'})`)
      .join(' OR ');
    return sql<SqlBool>`assets.id IN (SELECT asset_id FROM asset_search WHERE asset_search MATCH ${`text : (${expression})`})`;
  },
};

export const postgresAssetSearchIndex: AssetSearchIndex = {
  async write(db, assetId, text) {
    await sql`INSERT INTO asset_search (asset_id, doc) VALUES (${assetId}, to_tsvector('simple', ${text}))
      ON CONFLICT (asset_id) DO UPDATE SET doc = EXCLUDED.doc`.execute(db);
  },
  matches(groups) {
    const expression = groups
      .map((group) => `(${group.flatMap(({ word, prefix }) => words(word).map((w) => `'${w}'${prefix ? ':*' : ''}`)).join(' & ') || "''"})`)
      .join(' | ');
    // The matching ids are read once, first: as an IN semi-join, the planner would rather walk assets in
    // sort order testing each one's tsvector, ten times slower for a keyword matching 1% (bench/graphql-search).
    return sql<SqlBool>`assets.id = ANY(ARRAY(SELECT asset_id FROM asset_search WHERE doc @@ to_tsquery('simple', ${expression})))`;
  },
};
