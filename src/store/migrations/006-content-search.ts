import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The full-text index of content items (issue 4), in each dialect's own engine: an FTS5 table on SQLite
 * (words keep their inner `-` and `_`, as the search syntax reads them), `tsvector` columns with GIN
 * indexes on PostgreSQL. `src/store/search/` keeps it in step with every write.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE TABLE content_item_search (
      item_id text PRIMARY KEY REFERENCES content_items(id),
      label text NOT NULL,
      text text NOT NULL,
      label_doc tsvector NOT NULL,
      text_doc tsvector NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX content_item_search_label ON content_item_search USING GIN (label_doc)`.execute(db);
    await sql`CREATE INDEX content_item_search_text ON content_item_search USING GIN (text_doc)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE content_item_search USING fts5(item_id UNINDEXED, label, text, tokenize = "unicode61 tokenchars '-_'")`.execute(db);
  }
}
