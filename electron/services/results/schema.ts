import type { Migration } from '../db/migrations';

/**
 * The results tables.
 *
 * - `result_calls` is keyed by (account, callid): the provider's call id is the deduplication
 *   key, so a sync window that overlaps the previous one (it must, see syncTask.ts) rewrites the
 *   same rows instead of adding copies. `task_id` is null for a pushed call whose task is not
 *   known yet. `transcript` holds every line joined by newlines so the text filter is one scan
 *   in SQLite; `intentions` keeps the labels joined by U+0001, as on the wire, and
 *   `result_intentions` holds one row per label for the intention filter and counts.
 * - `list_id`/`row_id` join a call to its call-list row. No foreign key: a list may be deleted
 *   while its results are kept; readers join and simply find nothing.
 * - `sync_cursors`: per account and task, where the next sync window begins.
 * - `result_task_lists`: which call list a task's rows came from, so calls that carry no outid
 *   (query_time_task_data does not send it) can be joined by telephone.
 *
 * Version 2 made the tables provider-neutral: a call keeps its `outcome` in the app's words and
 * the provider's own `outcome_code`; its `recording` is a JSON RecordingRef (a URL or a
 * provider reference) instead of iCall's `voice_url`; transcript lines have a `speaker` (robot,
 * agent, customer), the provider's stamp `at` when it has one, and `start_ms`/`end_ms` when the
 * provider places lines on the recording itself.
 */
export const RESULTS_MIGRATIONS: readonly Migration[] = [
  {
    feature: 'results',
    version: 1,
    name: 'calls, utterances, sync cursors',
    up(db) {
      db.exec(`
        CREATE TABLE result_calls (
          account_id TEXT NOT NULL,
          callid TEXT NOT NULL,
          task_id TEXT,
          outid TEXT,
          status INTEGER NOT NULL,
          intentions TEXT NOT NULL,
          tel TEXT NOT NULL,
          caller TEXT NOT NULL,
          start_time INTEGER,
          answer_time INTEGER,
          end_time INTEGER,
          call_ms INTEGER NOT NULL,
          talk_ms INTEGER NOT NULL,
          user_msg_count INTEGER NOT NULL,
          voice_url TEXT,
          deleted INTEGER NOT NULL DEFAULT 0,
          list_id INTEGER,
          row_id INTEGER,
          transcript TEXT NOT NULL,
          utterance_count INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (account_id, callid)
        ) STRICT;
        CREATE INDEX result_calls_task ON result_calls (account_id, task_id, start_time);
        CREATE INDEX result_calls_list ON result_calls (list_id, row_id);
        CREATE INDEX result_calls_outid ON result_calls (account_id, outid) WHERE outid IS NOT NULL;
        CREATE TABLE result_intentions (
          account_id TEXT NOT NULL,
          callid TEXT NOT NULL,
          label TEXT NOT NULL,
          PRIMARY KEY (account_id, callid, label),
          FOREIGN KEY (account_id, callid) REFERENCES result_calls (account_id, callid) ON DELETE CASCADE
        ) STRICT;
        CREATE INDEX result_intentions_label ON result_intentions (label);
        CREATE TABLE result_utterances (
          account_id TEXT NOT NULL,
          callid TEXT NOT NULL,
          idx INTEGER NOT NULL,
          sender INTEGER NOT NULL,
          text TEXT NOT NULL,
          at INTEGER NOT NULL,
          remark TEXT,
          PRIMARY KEY (account_id, callid, idx),
          FOREIGN KEY (account_id, callid) REFERENCES result_calls (account_id, callid) ON DELETE CASCADE
        ) STRICT;
        CREATE TABLE sync_cursors (
          account_id TEXT NOT NULL,
          task_id TEXT NOT NULL,
          cursor INTEGER NOT NULL,
          synced_at INTEGER,
          complete INTEGER NOT NULL,
          PRIMARY KEY (account_id, task_id)
        ) STRICT;
        CREATE TABLE result_task_lists (
          account_id TEXT NOT NULL,
          task_id TEXT NOT NULL,
          list_id INTEGER NOT NULL,
          PRIMARY KEY (account_id, task_id)
        ) STRICT;
        CREATE TABLE push_receiver (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          enabled INTEGER NOT NULL,
          port INTEGER NOT NULL,
          path_secret TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    feature: 'results',
    version: 2,
    name: 'provider-neutral calls and utterances',
    up(db) {
      // Every call stored so far came from iCall: its status codes map as shared/codes/sobot.ts says.
      db.exec(`
        ALTER TABLE result_calls ADD COLUMN outcome TEXT NOT NULL DEFAULT 'unknown';
        ALTER TABLE result_calls ADD COLUMN outcome_code TEXT NOT NULL DEFAULT '';
        ALTER TABLE result_calls ADD COLUMN recording TEXT;
        ALTER TABLE result_calls ADD COLUMN transcript_state TEXT NOT NULL DEFAULT 'none';
        UPDATE result_calls SET
          outcome = CASE status WHEN 0 THEN 'not_dialled' WHEN 1 THEN 'dialling' WHEN 2 THEN 'connected'
            WHEN 3 THEN 'no_answer' WHEN 4 THEN 'powered_off' WHEN 5 THEN 'suspended' WHEN 6 THEN 'vacant'
            WHEN 7 THEN 'rejected' WHEN 9 THEN 'busy' ELSE 'unknown' END,
          outcome_code = CAST(status AS TEXT),
          recording = CASE WHEN voice_url IS NULL THEN NULL ELSE json_object('kind', 'url', 'url', voice_url) END,
          transcript_state = CASE WHEN utterance_count > 0 THEN 'ready' ELSE 'none' END;
        ALTER TABLE result_calls DROP COLUMN status;
        ALTER TABLE result_calls DROP COLUMN voice_url;
        ALTER TABLE result_calls DROP COLUMN user_msg_count;
        CREATE INDEX result_calls_outcome ON result_calls (account_id, task_id, outcome);

        CREATE TABLE result_utterances_v2 (
          account_id TEXT NOT NULL,
          callid TEXT NOT NULL,
          idx INTEGER NOT NULL,
          speaker TEXT NOT NULL CHECK (speaker IN ('robot', 'agent', 'customer')),
          text TEXT NOT NULL,
          at INTEGER,
          start_ms INTEGER,
          end_ms INTEGER,
          remark TEXT,
          PRIMARY KEY (account_id, callid, idx),
          FOREIGN KEY (account_id, callid) REFERENCES result_calls (account_id, callid) ON DELETE CASCADE
        ) STRICT;
        INSERT INTO result_utterances_v2 (account_id, callid, idx, speaker, text, at, remark)
          SELECT account_id, callid, idx, CASE sender WHEN 1 THEN 'robot' ELSE 'customer' END, text, at, remark
          FROM result_utterances;
        DROP TABLE result_utterances;
        ALTER TABLE result_utterances_v2 RENAME TO result_utterances;
      `);
    },
  },
  {
    feature: 'results',
    version: 3,
    name: 'push receiver bind address',
    up(db) {
      // A receiver already in use listened on every interface: it keeps doing so (the provider
      // reaches it there). New ones listen where the host says until the operator chooses.
      db.exec(`
        ALTER TABLE push_receiver ADD COLUMN bind_host TEXT;
        UPDATE push_receiver SET bind_host = '0.0.0.0' WHERE enabled = 1;
      `);
    },
  },
  {
    feature: 'results',
    version: 4,
    name: 'calls by telephone',
    up(db) {
      // An upload plan asks which of a chunk's numbers a task already dialled; finding a customer
      // asks by number across the account.
      db.exec('CREATE INDEX result_calls_tel ON result_calls (account_id, tel, task_id)');
    },
  },
  {
    feature: 'results',
    version: 5,
    name: 'find a customer',
    up(db) {
      // By the last 4 digits, within a task or a list (masked numbers keep theirs): expression
      // indexes. By a list variable (the customer's name…): each call's row values in a table of
      // their own, kept by triggers as calls are joined to rows and rows are edited, so a search
      // is an index range (a prefix of any value), not a scan of every row. The triggers on
      // call_rows find a row's calls by (list_id, row_id): the index, not a scan per row. call_rows belongs to
      // the lists feature, whose migrations run first (APP_MIGRATIONS lists them first).
      db.exec(`
        CREATE INDEX result_calls_tel_tail ON result_calls (account_id, task_id, substr(tel, -4));
        CREATE INDEX result_calls_list_tel_tail ON result_calls (list_id, substr(tel, -4));

        CREATE TABLE result_call_values (
          account_id TEXT NOT NULL,
          callid TEXT NOT NULL,
          value TEXT NOT NULL,
          PRIMARY KEY (account_id, callid, value)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX result_call_values_value ON result_call_values (account_id, value);
        INSERT OR IGNORE INTO result_call_values (account_id, callid, value)
          SELECT c.account_id, c.callid, trim(j.value) FROM result_calls c
          JOIN call_rows r ON r.id = c.row_id, json_each(r.variables) j
          WHERE j.type = 'text' AND trim(j.value) <> '';

        CREATE TRIGGER result_call_values_insert AFTER INSERT ON result_calls
        WHEN new.row_id IS NOT NULL BEGIN
          INSERT OR IGNORE INTO result_call_values (account_id, callid, value)
            SELECT new.account_id, new.callid, trim(j.value) FROM call_rows r, json_each(r.variables) j
            WHERE r.id = new.row_id AND j.type = 'text' AND trim(j.value) <> '';
        END;
        CREATE TRIGGER result_call_values_rejoin AFTER UPDATE OF row_id ON result_calls
        WHEN new.row_id IS NOT old.row_id BEGIN
          DELETE FROM result_call_values WHERE account_id = old.account_id AND callid = old.callid;
          INSERT OR IGNORE INTO result_call_values (account_id, callid, value)
            SELECT new.account_id, new.callid, trim(j.value) FROM call_rows r, json_each(r.variables) j
            WHERE r.id = new.row_id AND j.type = 'text' AND trim(j.value) <> '';
        END;
        CREATE TRIGGER result_call_values_drop AFTER DELETE ON result_calls BEGIN
          DELETE FROM result_call_values WHERE account_id = old.account_id AND callid = old.callid;
        END;
        CREATE TRIGGER result_call_values_edit AFTER UPDATE OF variables ON call_rows
        WHEN new.variables IS NOT old.variables BEGIN
          DELETE FROM result_call_values WHERE (account_id, callid) IN
            (SELECT account_id, callid FROM result_calls WHERE list_id = new.list_id AND row_id = new.id);
          INSERT OR IGNORE INTO result_call_values (account_id, callid, value)
            SELECT c.account_id, c.callid, trim(j.value) FROM result_calls c, json_each(new.variables) j
            WHERE c.list_id = new.list_id AND c.row_id = new.id AND j.type = 'text' AND trim(j.value) <> '';
        END;
        CREATE TRIGGER result_call_values_row_gone AFTER DELETE ON call_rows BEGIN
          DELETE FROM result_call_values WHERE (account_id, callid) IN
            (SELECT account_id, callid FROM result_calls WHERE list_id = old.list_id AND row_id = old.id);
        END;
      `);
    },
  },
  {
    feature: 'results',
    version: 6,
    name: 'honest re-sync counts',
    // Each call's content as last answered (a hash): a re-sync counts a call as updated only
    // when the provider's answer changed, and skips writing the ones that did not.
    up(db) {
      db.exec('ALTER TABLE result_calls ADD COLUMN fingerprint TEXT');
    },
  },
];
